import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The API server (Fastify + Socket.IO) serves the built client; in dev Vite proxies to it.
const api = process.env.CW_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB minified; the wall loads it once and caches it.
    chunkSizeWarningLimit: 1500,
  },
});
