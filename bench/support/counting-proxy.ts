import { createServer, request, type Server } from 'node:http';

/** Forwards HTTP to a storage endpoint and counts requests, to measure storage round trips per action. */
export class CountingProxy {
  count = 0;
  /** Request paths in arrival order, to count only the requests an action makes (features poll their own queues). */
  readonly paths: string[] = [];
  private server: Server | undefined;
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.count += 1;
      this.paths.push(req.url ?? '');
      const upstream = request(
        { host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
