import { z } from 'zod';

/** Forward proxy the gateway goes through to reach a backend. */
export const HttpProxy = z
  .strictObject({
    enabled: z.boolean().default(false).describe('Reach the backend through a proxy.'),
    host: z.string().optional().describe('Proxy host name.'),
    password: z.string().optional().describe('Proxy password, when it requires authentication.'),
    port: z.int().optional().describe('Proxy port.'),
    type: z.string().optional().describe('Proxy protocol (HTTP, SOCKS4 or SOCKS5).'),
    useSystemProxy: z.boolean().default(false).describe('Use the proxy configured on the gateway instead.'),
    username: z.string().optional().describe('Proxy user name, when it requires authentication.'),
  })
  .describe('Forward proxy used to reach the backend.');

/** Forward proxy settings. */
export type HttpProxy = z.infer<typeof HttpProxy>;
