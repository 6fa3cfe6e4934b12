import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { allowedOrigins, createApp } from '../../src/app.js';
import { bundledEngine } from '../../src/worker.js';

// The real app and bundled index, with a different CORS_ORIGINS than wrangler.toml's.
const app = createApp(bundledEngine);

const preflight = (origin: string, setting: string) =>
  app.request(
    '/api/ask',
    { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } },
    { ...env, CORS_ORIGINS: setting },
  );

describe('CORS allowlist (CORS_ORIGINS)', () => {
  it('parses the setting', () => {
    expect(allowedOrigins('*')).toBe('*');
    expect(allowedOrigins(' https://a.example/ , https://b.example ')).toEqual(['https://a.example', 'https://b.example']);
    expect(allowedOrigins('')).toEqual([]);
    expect(allowedOrigins(undefined)).toEqual([]);
  });

  it('lets listed origins call the API from a browser', async () => {
    const res = await preflight('https://b.example', 'https://a.example,https://b.example');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('does not allow other origins', async () => {
    const res = await preflight('https://evil.example', 'https://a.example,https://b.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a real cross-origin request with the allowed origin', async () => {
    const res = await app.request(
      '/api/ask?q=When+is+Petro+meeting+Trump',
      { headers: { origin: 'https://a.example' } },
      { ...env, CORS_ORIGINS: 'https://a.example' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example');
    // The widget reads Retry-After on a 429 to say how long to wait.
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});
