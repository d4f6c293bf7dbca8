import { createServer, type Server } from 'node:http';

/**
 * The worker's only door (ROLE=worker): GET /health for the platform's probe, 404 for everything else. Teams is never
 * sent here, so a worker process answers no activity, even if one is misrouted to it.
 */
export function createHealthServer(): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const healthy = req.method === 'GET' && path === '/health';
    res.statusCode = healthy ? 200 : 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(healthy ? { status: 'ok', role: 'worker' } : { error: 'not found' }));
  });
}
