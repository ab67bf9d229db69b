// The new-case chime, generated with WebAudio (no sound file to ship or fetch): two short sine
// tones. Browsers allow sound only after a user gesture; before that the beep is silently skipped.
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  return ctx;
}

/** Call from a click or key handler, so later beeps are allowed to play. */
export function unlockAudio(): void {
  const c = context();
  if (c?.state === 'suspended') void c.resume().catch(() => undefined);
}

export function beep(): void {
  const c = context();
  if (!c || c.state !== 'running') return;
  const t0 = c.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    const start = t0 + i * 0.14;
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.12);
    osc.connect(gain).connect(c.destination);
    osc.start(start);
    osc.stop(start + 0.13);
  }
}
