// The patrols as one MapLibre custom layer: a WebGL point per patrol, drawn straight from the
// PatrolTrack's typed arrays. A batch costs the main thread one pass packing the track into a
// Float32Array and one buffer upload (no GeoJSON, no worker round trip); the glide between fixes
// runs in the vertex shader, so moving patrols cost nothing per animation frame but the draw call.
// It draws what the circle layer drew: fill by kind (grey when stale), a white ring when busy,
// faded when offline, sized by zoom and the wall's UI scale. Nothing picks patrols on the map.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { PatrolTrack } from '../realtime/patrol-track.ts';
import { MOTION_FLOATS, PatrolVertices, STYLE_BYTES, matrixFromOrigin, rgb, sizeAtZoom } from './patrol-vertices.ts';

export interface PatrolLayerLook {
  /** Kind colours in PATROL_KINDS order, then the unknown kind's (kindColors()). */
  kinds: Float32Array;
  stale: string;
  ring: string;
  busyRing: string;
  /** Design-px stops, as for circle-radius and circle-stroke-width. */
  radius: readonly (readonly [number, number])[];
  stroke: readonly (readonly [number, number])[];
}

export interface PatrolUpload {
  /** Patrols with a fix now on the map. */
  shown: number;
  /** Packing the track into vertex data. */
  packMs: number;
  /** The buffer uploads. */
  uploadMs: number;
  /** The track revision the upload carries. */
  revision: number;
}

export interface PatrolLayerOptions {
  look: PatrolLayerLook;
  /** Read once per animation frame: glide in full motion, jump once per interval in reduced. */
  reducedMotion: () => boolean;
  /** In reduced motion, the least time between two uploads. */
  reducedIntervalMs: (glideMs: number) => number;
  onUpload?: (u: PatrolUpload) => void;
}

const VERTEX = `
precision highp float;
attribute vec4 a_from_to;
attribute float a_start;
attribute vec4 a_style;
uniform mat4 u_matrix;
uniform float u_now;
uniform float u_glide;
uniform float u_radius;
uniform float u_stroke;
uniform vec3 u_kind[5];
uniform vec3 u_stale;
uniform vec3 u_ring;
uniform vec3 u_busy_ring;
varying vec3 v_fill;
varying vec3 v_ring;
varying float v_alpha;
varying float v_size;
void main() {
  if (a_style.y > 2.5) {
    gl_Position = vec4(-2.0, -2.0, 0.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float t = u_glide > 0.0 ? clamp((u_now - a_start) / u_glide, 0.0, 1.0) : 1.0;
  gl_Position = u_matrix * vec4(mix(a_from_to.xy, a_from_to.zw, t), 0.0, 1.0);
  v_size = 2.0 * (u_radius + u_stroke) + 2.0;
  gl_PointSize = v_size;
  vec3 kind = u_kind[4];
  for (int j = 0; j < 4; j++) if (abs(a_style.x - float(j)) < 0.5) kind = u_kind[j];
  v_fill = abs(a_style.y - 1.0) < 0.5 ? u_stale : kind;
  v_ring = a_style.z > 0.5 ? u_busy_ring : u_ring;
  v_alpha = a_style.y > 1.5 ? 0.25 : 1.0;
}`;

const FRAGMENT = `
precision highp float;
uniform float u_radius;
uniform float u_stroke;
varying vec3 v_fill;
varying vec3 v_ring;
varying float v_alpha;
varying float v_size;
void main() {
  float d = length(gl_PointCoord - 0.5) * v_size;
  float outer = u_radius + u_stroke;
  float edge = 1.0 - smoothstep(outer - 1.0, outer, d);
  if (edge <= 0.0) discard;
  float fill = u_stroke > 0.0 ? 1.0 - smoothstep(u_radius - 0.5, u_radius + 0.5, d) : 1.0;
  float a = v_alpha * edge;
  gl_FragColor = vec4(mix(v_ring, v_fill, fill) * a, a);
}`;

type GL = WebGLRenderingContext | WebGL2RenderingContext;

interface GlState {
  program: WebGLProgram;
  motion: WebGLBuffer;
  style: WebGLBuffer;
  attrib: { fromTo: number; start: number; style: number };
  uniform: Record<'matrix' | 'now' | 'glide' | 'radius' | 'stroke' | 'kind' | 'stale' | 'ring' | 'busyRing', WebGLUniformLocation | null>;
}

function compile(gl: GL, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`patrol shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

export class PatrolGlLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;
  private state: GlState | null = null;
  private readonly vertices = new PatrolVertices();
  private readonly matrix = new Float32Array(16);
  private scale = 1;
  private raf = 0;
  private packedRevision = -1;
  private packedAt = -Infinity;
  private wantPack = false;
  /** When the last glide ends; until then full motion repaints every frame. */
  private glideEnd = 0;
  /** Main-thread ms inside render() (packing, uploads and the draw call), for the benchmark. */
  renderMs = 0;

  constructor(readonly id: string, private readonly track: PatrolTrack, private readonly o: PatrolLayerOptions) {}

  get shown(): number {
    return this.vertices.shown;
  }

  /** CSS px per design px. */
  setScale(scale: number): void {
    this.scale = scale;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: GL): void {
    this.map = map;
    this.state = this.setUp(gl);
    // After a lost context (a GPU reset on a wall that runs all day) its objects are gone: the next
    // render builds them again and uploads everything.
    map.on('webglcontextlost', this.contextLost);
    // Patrols the track already holds (a view opened after the snapshot) go up with the first frame.
    this.packedRevision = this.track.size > 0 ? -1 : this.track.revision;
    this.raf = requestAnimationFrame(this.step);
  }

  onRemove(map: MapLibreMap, gl: GL): void {
    cancelAnimationFrame(this.raf);
    map.off('webglcontextlost', this.contextLost);
    if (this.state) {
      gl.deleteBuffer(this.state.motion);
      gl.deleteBuffer(this.state.style);
      gl.deleteProgram(this.state.program);
    }
    this.state = null;
    this.map = null;
  }

  private readonly contextLost = (): void => {
    this.state = null;
  };

  private setUp(gl: GL): GlState {
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`patrol program: ${gl.getProgramInfoLog(program)}`);
    const u = (name: string) => gl.getUniformLocation(program, name);
    return {
      program,
      motion: gl.createBuffer()!,
      style: gl.createBuffer()!,
      attrib: { fromTo: gl.getAttribLocation(program, 'a_from_to'), start: gl.getAttribLocation(program, 'a_start'), style: gl.getAttribLocation(program, 'a_style') },
      uniform: {
        matrix: u('u_matrix'), now: u('u_now'), glide: u('u_glide'), radius: u('u_radius'), stroke: u('u_stroke'),
        kind: u('u_kind'), stale: u('u_stale'), ring: u('u_ring'), busyRing: u('u_busy_ring'),
      },
    };
  }

  /** Once per animation frame: ask for a repaint when there is something new to show or a glide runs. */
  private readonly step = (now: number): void => {
    this.raf = requestAnimationFrame(this.step);
    const map = this.map;
    if (!map) return;
    const reduced = this.o.reducedMotion();
    if (this.track.revision !== this.packedRevision) {
      // Reduced motion: straight to the latest fixes, spaced so that the repaints they cause leave
      // the map time for everything else.
      if (reduced && performance.now() - this.packedAt < this.o.reducedIntervalMs(this.track.glideMs)) return;
      this.wantPack = true;
      map.triggerRepaint();
    } else if (!reduced && performance.now() < this.glideEnd) {
      map.triggerRepaint();
    }
  };

  render(gl: GL, args: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map) return;
    const t0 = performance.now();
    let st = this.state;
    if (!st) {
      st = this.state = this.setUp(gl);
      this.wantPack = true;
    }
    if (this.wantPack) this.pack(gl, st, t0);
    const v = this.vertices;
    if (v.shown > 0) this.draw(gl, st, args, map, t0);
    this.renderMs += performance.now() - t0;
  }

  private pack(gl: GL, st: GlState, now: number): void {
    const v = this.vertices;
    v.pack(this.track, now);
    const t1 = performance.now();
    gl.bindBuffer(gl.ARRAY_BUFFER, st.motion);
    gl.bufferData(gl.ARRAY_BUFFER, v.motion.subarray(0, v.count * MOTION_FLOATS), gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, st.style);
    gl.bufferData(gl.ARRAY_BUFFER, v.style.subarray(0, v.count * STYLE_BYTES), gl.DYNAMIC_DRAW);
    this.wantPack = false;
    this.packedRevision = this.track.revision;
    this.packedAt = now;
    this.glideEnd = v.latestStart + this.track.glideMs;
    this.o.onUpload?.({ shown: v.shown, packMs: t1 - now, uploadMs: performance.now() - t1, revision: this.track.revision });
  }

  private draw(gl: GL, st: GlState, args: CustomRenderMethodInput, map: MapLibreMap, now: number): void {
    const v = this.vertices;
    const look = this.o.look;
    const zoom = map.getZoom();
    const dpr = map.getPixelRatio();
    gl.useProgram(st.program);
    gl.uniformMatrix4fv(st.uniform.matrix, false, matrixFromOrigin(args.defaultProjectionData.mainMatrix, v.originX, v.originY, this.matrix));
    gl.uniform1f(st.uniform.now, now - v.timeBase);
    gl.uniform1f(st.uniform.glide, this.o.reducedMotion() ? 0 : this.track.glideMs);
    gl.uniform1f(st.uniform.radius, sizeAtZoom(look.radius, zoom, this.scale) * dpr);
    gl.uniform1f(st.uniform.stroke, sizeAtZoom(look.stroke, zoom, this.scale) * dpr);
    gl.uniform3fv(st.uniform.kind, look.kinds);
    gl.uniform3fv(st.uniform.stale, rgb(look.stale));
    gl.uniform3fv(st.uniform.ring, rgb(look.ring));
    gl.uniform3fv(st.uniform.busyRing, rgb(look.busyRing));
    const a = st.attrib;
    gl.bindBuffer(gl.ARRAY_BUFFER, st.motion);
    gl.enableVertexAttribArray(a.fromTo);
    gl.vertexAttribPointer(a.fromTo, 4, gl.FLOAT, false, MOTION_FLOATS * 4, 0);
    gl.enableVertexAttribArray(a.start);
    gl.vertexAttribPointer(a.start, 1, gl.FLOAT, false, MOTION_FLOATS * 4, 16);
    gl.bindBuffer(gl.ARRAY_BUFFER, st.style);
    gl.enableVertexAttribArray(a.style);
    gl.vertexAttribPointer(a.style, 4, gl.UNSIGNED_BYTE, false, STYLE_BYTES, 0);
    gl.drawArrays(gl.POINTS, 0, v.count);
    gl.disableVertexAttribArray(a.fromTo);
    gl.disableVertexAttribArray(a.start);
    gl.disableVertexAttribArray(a.style);
  }
}
