// The web app's modules that tests import use Vite's `import.meta.glob` (the message catalogue).
/// <reference types="vite/client" />
