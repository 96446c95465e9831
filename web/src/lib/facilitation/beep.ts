/**
 * A short chime when a timer reaches zero (WebAudio, no sound file). Browsers only play sound
 * after the person has interacted with the page, so it is skipped when they have not.
 */
let context: AudioContext | null = null;

const hasInteracted = (): boolean => {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation ? activation.hasBeenActive : true;
};

export const playChime = (): void => {
  if (typeof window === 'undefined' || !('AudioContext' in window) || !hasInteracted()) return;
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    // Three falling tones, loud enough for a room, short enough not to annoy.
    [880, 660, 520].forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.28;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.26);
      osc.connect(gain).connect(context!.destination);
      osc.start(t);
      osc.stop(t + 0.27);
    });
  } catch {
    // No audio device: the visual at zero is enough.
  }
};
