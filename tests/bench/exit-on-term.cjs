// Preloaded (node --require) into the reference server when its CPU profile is recorded: node
// --cpu-prof writes the profile only on a normal exit, and the reference server has no SIGTERM
// handler of its own, so a stop would otherwise end it with no profile written.
process.on('SIGTERM', () => process.exit(0));
