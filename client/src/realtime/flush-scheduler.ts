// Runs a flush once per animation frame, with a timer as backstop: a hidden tab gets no animation
// frames, and buffered position frames must not pile up there.
export type Scheduler = (flush: () => void) => void;

export function animationFrameScheduler(backstopMs = 250): Scheduler {
  return (flush) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      flush();
    };
    const timer = setTimeout(run, backstopMs);
    requestAnimationFrame(run);
  };
}
