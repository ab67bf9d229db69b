import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { PatrolTrack } from '../realtime/patrol-track.ts';
import { PatrolGlLayer, type PatrolUpload } from './patrol-gl-layer.ts';
import { PATROL_LOOK } from './patrol-look.ts';

const fix = (index: number, lon: number, lat: number): PatrolFix => ({ index, lon, lat, status: 'online', busy: false, heading: 0, speed: 1 });

/** A WebGL context that records the calls the layer makes and answers the queries it needs. */
function fakeGl() {
  const calls: { name: string; args: unknown[] }[] = [];
  const constants: Record<string, number> = { VERTEX_SHADER: 1, FRAGMENT_SHADER: 2, COMPILE_STATUS: 3, LINK_STATUS: 4, ARRAY_BUFFER: 5, DYNAMIC_DRAW: 6, FLOAT: 7, UNSIGNED_BYTE: 8, POINTS: 9 };
  const gl = new Proxy({}, {
    get(_t, name: string) {
      if (name in constants) return constants[name];
      return (...args: unknown[]) => {
        calls.push({ name, args });
        if (name === 'getShaderParameter' || name === 'getProgramParameter') return true;
        if (name === 'getAttribLocation') return 0;
        if (name.startsWith('create') || name === 'getUniformLocation') return {};
        return undefined;
      };
    },
  }) as WebGL2RenderingContext;
  return { gl, calls, named: (n: string) => calls.filter((c) => c.name === n) };
}

const args = { defaultProjectionData: { mainMatrix: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]) } } as unknown as CustomRenderMethodInput;

describe('PatrolGlLayer', () => {
  let now = 0;
  let frame: ((t: number) => void) | null = null;
  const tick = (ms: number) => {
    now += ms;
    const f = frame;
    frame = null;
    f?.(now);
  };
  beforeEach(() => {
    now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.stubGlobal('requestAnimationFrame', (f: (t: number) => void) => { frame = f; return 1; });
    vi.stubGlobal('cancelAnimationFrame', () => { frame = null; });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  function setup(reduced = false) {
    const track = new PatrolTrack(1000);
    const uploads: PatrolUpload[] = [];
    const repaints = { n: 0 };
    const listeners = new Map<string, () => void>();
    const map = {
      triggerRepaint: () => repaints.n++, getZoom: () => 13, getPixelRatio: () => 2,
      on: (type: string, fn: () => void) => listeners.set(type, fn),
      off: (type: string) => listeners.delete(type),
    } as unknown as MapLibreMap;
    const layer = new PatrolGlLayer('patrols-dot', track, {
      look: PATROL_LOOK, reducedMotion: () => reduced, reducedIntervalMs: () => 3000, onUpload: (u) => uploads.push(u),
    });
    const gl = fakeGl();
    layer.onAdd(map, gl.gl);
    return { track, uploads, repaints, layer, gl, map, listeners };
  }

  it('uploads a batch once, in the next render, and draws every index as a point', () => {
    const { track, uploads, repaints, layer, gl } = setup();
    tick(16);
    expect(repaints.n).toBe(0);
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0), fix(4, 114.01, 33.01)], 0), now);
    tick(16);
    expect(repaints.n).toBe(1);
    layer.render(gl.gl, args);
    expect(uploads).toEqual([expect.objectContaining({ shown: 2, revision: track.revision })]);
    expect(gl.named('bufferData')).toHaveLength(2);
    expect(gl.named('drawArrays').at(-1)!.args).toEqual([9, 0, 5]);
    // Nothing new: the next render draws without uploading.
    layer.render(gl.gl, args);
    expect(uploads).toHaveLength(1);
    expect(gl.named('bufferData')).toHaveLength(2);
    expect(gl.named('drawArrays')).toHaveLength(2);
  });

  it('repaints every frame while a glide runs, then stops', () => {
    const { track, repaints, layer, gl } = setup();
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0)], 0), now);
    tick(16);
    layer.render(gl.gl, args);
    const glide = gl.named('uniform1f').filter((c) => c.args[1] === 1000);
    expect(glide.length).toBeGreaterThan(0);
    const before = repaints.n;
    tick(500);
    expect(repaints.n).toBe(before + 1);
    tick(600);
    tick(16);
    expect(repaints.n).toBe(before + 1);
  });

  it('in reduced motion jumps to the latest fixes at most once per interval', () => {
    const { track, uploads, repaints, layer, gl } = setup(true);
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0)], 0), now);
    tick(16);
    layer.render(gl.gl, args);
    expect(uploads).toHaveLength(1);
    // The shader gets no glide: positions are the latest fixes.
    expect(gl.named('uniform1f').some((c) => c.args[1] === 0)).toBe(true);
    track.mergeFrame(encodeFrame([fix(0, 114.001, 33.0)], 0), now);
    const before = repaints.n;
    tick(1000);
    expect(repaints.n).toBe(before);
    tick(2100);
    expect(repaints.n).toBe(before + 1);
    layer.render(gl.gl, args);
    expect(uploads).toHaveLength(2);
  });

  it('builds its GL objects again and re-uploads after the context was lost', () => {
    const { track, uploads, layer, gl, listeners } = setup();
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0)], 0), now);
    tick(16);
    layer.render(gl.gl, args);
    expect(gl.named('linkProgram')).toHaveLength(1);
    listeners.get('webglcontextlost')!();
    layer.render(gl.gl, args);
    expect(gl.named('linkProgram')).toHaveLength(2);
    expect(uploads).toHaveLength(2);
    expect(gl.named('drawArrays')).toHaveLength(2);
  });

  it('stops its loop and frees its GL objects on removal', () => {
    const { layer, gl, map, listeners } = setup();
    layer.onRemove(map, gl.gl);
    expect(listeners.size).toBe(0);
    expect(frame).toBeNull();
    expect(gl.named('deleteBuffer')).toHaveLength(2);
    expect(gl.named('deleteProgram')).toHaveLength(1);
  });
});
