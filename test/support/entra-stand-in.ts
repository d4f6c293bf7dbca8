import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';

/** Where botbuilder asks Microsoft Entra for the bot's outbound token (MSAL, client credentials). */
export const ENTRA_HOST = 'login.microsoftonline.com';

export interface TokenRequest {
  readonly path: string;
  readonly form: URLSearchParams;
}

/**
 * Stands in for Microsoft Entra's token endpoint, as botbuilder's MSAL reaches it: over HTTPS, at
 * login.microsoftonline.com. MSAL refuses an authority that is not https, and for any other host it first asks
 * login.microsoftonline.com itself for instance discovery (offline: never answered, so no token ever), so a local
 * address in the login URL cannot work. Instead this process's HTTPS connections to login.microsoftonline.com are
 * routed to a local server with a certificate for that name (as a hosts-file entry would), and the bot keeps its real
 * login URL. `switchOff` closes the server (connections refused); `switchOn` opens it again on the same port.
 */
export class EntraStandIn {
  readonly tokenRequests: TokenRequest[] = [];
  readonly otherRequests: string[] = [];
  private server: https.Server | undefined;
  private port = 0;
  private readonly sockets = new Set<Duplex>();
  private restore: (() => void) | undefined;

  private constructor(
    private readonly key: string,
    private readonly cert: string,
  ) {}

  static async start(): Promise<EntraStandIn> {
    const dir = mkdtempSync(path.join(tmpdir(), 'entra-stand-in-'));
    const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${ENTRA_HOST}`, '-addext', `subjectAltName=DNS:${ENTRA_HOST}`], { stdio: 'ignore' });
    const standIn = new EntraStandIn(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'));
    await standIn.switchOn();
    standIn.routeHere();
    return standIn;
  }

  get isOn(): boolean {
    return this.server !== undefined;
  }

  async switchOn(): Promise<void> {
    if (this.server) return;
    const server = https.createServer({ key: this.key, cert: this.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', `https://${ENTRA_HOST}`);
        if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token')) {
          this.tokenRequests.push({ path: url.pathname, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `entra-stand-in-token-${this.tokenRequests.length}` }));
          return;
        }
        this.otherRequests.push(`${req.method} ${url.pathname}`);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not_found', error_description: 'The Entra stand-in answers token requests only.' }));
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** From now on every connection is refused, as when the token service cannot be reached. */
  async switchOff(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }

  async stop(): Promise<void> {
    this.restore?.();
    await this.switchOff();
  }

  /**
   * Connections from this process's HTTPS agents to login.microsoftonline.com come here: the default agent (MSAL's,
   * in botbuilder) and any other (@azure/identity's pipeline makes its own keep-alive agent).
   */
  private routeHere(): void {
    const prototype = https.Agent.prototype as unknown as { createConnection(options: ConnectionOptions, callback?: unknown): Socket };
    const original = prototype.createConnection;
    const port = () => this.port;
    const cert = this.cert;
    prototype.createConnection = function (this: unknown, options: ConnectionOptions, callback?: unknown) {
      return original.call(this, options.host === ENTRA_HOST ? { ...options, host: '127.0.0.1', port: port(), ca: cert } : options, callback);
    };
    this.restore = () => {
      prototype.createConnection = original;
    };
  }
}
