import { type Server, type Socket, connect, createServer } from 'node:net'

/** A TCP forwarder the tests can cut and restore: a real network outage, no mocks. */
export interface TcpProxy {
  port: number
  /** Drops every connection and stops listening, like a database host going away. */
  cut(): Promise<void>
  /** Listens again on the same port. */
  restore(): Promise<void>
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const forward = (client: Socket) => {
    const upstream = connect(targetPort, targetHost)
    track(client)
    track(upstream)
    client.pipe(upstream).pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  }
  let server: Server = createServer(forward)
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    )
  const port = await listen(0)
  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
    async restore() {
      server = createServer(forward)
      await listen(port)
    },
  }
}
