/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API to a Kreis started with KREIS_HTTP_PORT (default 8080).
const api = `http://127.0.0.1:${process.env.KREIS_HTTP_PORT ?? '8080'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist', manifest: true, sourcemap: false, chunkSizeWarningLimit: 600,
    // The public survey answer page (/answer/{token}) is its own small entry, without the app's libraries.
    rollupOptions: { input: { main: 'index.html', answer: 'answer.html' } },
  },
  server: { proxy: { '/api': api, '/j_security_check': api, '/q': api, '/auth': api } },
  test: { globals: true, environment: 'jsdom', testTimeout: 30_000, include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test-setup.ts'] },
});
