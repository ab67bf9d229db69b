// When nobody has touched the wall for a while, it tours its views (驿城区 overview, the city
// centre, 开发区) one after another; any touch stops the tour and restarts the idle wait.
export interface IdleCarouselOptions<T> {
  idleMs: number;
  dwellMs: number;
  stops: () => readonly T[];
  go: (stop: T) => void;
}

export interface IdleCarousel {
  /** Someone used the screen. */
  touch(): void;
  stop(): void;
}

export function createIdleCarousel<T>(options: IdleCarouselOptions<T>): IdleCarousel {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next = 0;

  const advance = () => {
    const stops = options.stops();
    if (stops.length > 0) {
      options.go(stops[next % stops.length]!);
      next = (next + 1) % stops.length;
    }
    timer = setTimeout(advance, options.dwellMs);
  };

  const touch = () => {
    clearTimeout(timer);
    next = 0;
    timer = setTimeout(advance, options.idleMs);
  };

  touch();
  return { touch, stop: () => clearTimeout(timer) };
}
