// What the server tells browsers about itself: the game's Content Security Policy and the headers
// that keep its pages from being sniffed, framed or followed by a referrer, and which origins may
// call /api/ and open a WebSocket. Only the game's own pages may: a page of another site must not
// create a session and read its token, nor read the laptop's addresses. "Own" is the page's
// origin as the browser says it (Sec-Fetch-Site, or Origin against the Host it asked), plus the
// origins listed in ALLOWED_ORIGINS (a dev server, or a proxy that rewrites Host).
import type { NextFunction, Request, Response } from 'express';

/**
 * The game's pages load nothing from elsewhere and run no inline script. Styles are files (the
 * code sets styles through the CSSOM, which a CSP allows); images include data: and blob: (the
 * paper grain, the PNG export, QR codes); fonts may be inlined as data: by the build; the service
 * worker and the board are from the same origin; WebSockets go to this server or to the process
 * that holds a session (PUBLIC_ADDRESS), hence ws: and wss:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob: data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer, the game's files and /api/ alike. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // For browsers older than frame-ancestors.
  res.setHeader('X-Frame-Options', 'DENY');
  // The page's address carries the join code (?code=…): it is never sent to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

/** Origins written as in ALLOWED_ORIGINS ("http://localhost:5173, https://fresque.example.org"), checked. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  if (!text?.trim()) return [];
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin (write it as https://host or http://host:port)`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an http(s) origin`);
      return url.origin;
    });
}

export type OriginVerdict = 'none' | 'same' | 'allowed' | 'foreign';

interface HeaderSource {
  get(name: string): string | null | undefined;
}

export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    allowed: readonly string[],
    private readonly trustProxy: boolean,
  ) {
    this.allowed = new Set(allowed);
  }

  /**
   * Who is asking: no browser page at all ("none": curl, the tests, a same-origin navigation),
   * the game's own page ("same"), a listed origin ("allowed"), or another site ("foreign").
   */
  verdict(headers: HeaderSource): OriginVerdict {
    const origin = headers.get('origin') ?? null;
    if (origin !== null && this.allowed.has(origin)) return 'allowed';
    const site = headers.get('sec-fetch-site');
    // Set by the browser itself, which a page cannot forge; it survives a proxy that rewrites Host.
    if (site === 'same-origin') return 'same';
    if (origin === null) return site === 'cross-site' || site === 'same-site' ? 'foreign' : 'none';
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'foreign';
    }
    const asked = (this.trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : null) || headers.get('host');
    return asked && host === asked ? 'same' : 'foreign';
  }

  /** CORS headers for Colyseus's own listener, which answers every request and every preflight. */
  corsHeaders(headers: HeaderSource): Record<string, string> {
    if (this.verdict(headers) !== 'allowed') return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': headers.get('origin')!,
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }

  /** Refuses /api/ requests made by another site's page before anything is done with them. */
  guard(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      // Never cached: a session's token, a reservation, the laptop's addresses.
      res.setHeader('Cache-Control', 'no-store');
      if (this.verdict({ get: (name) => req.get(name) }) === 'foreign') {
        res.status(403).json({ error: 'not-allowed', detail: 'origin' });
        return;
      }
      next();
    };
  }
}
