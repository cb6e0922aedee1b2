import { serverConfig } from '@/server/config';
import { forward } from '@/server/forward';

export const dynamic = 'force-dynamic';

const target = () => `${serverConfig().ENGINE_URL}/v1/graphql`;
// The engine authenticates by bearer token; the refresh cookie has no business there.
const options = { omitHeaders: ['cookie'] };

export function POST(request: Request): Promise<Response> {
  return forward(request, target(), options);
}

export function GET(request: Request): Promise<Response> {
  return forward(request, `${target()}${new URL(request.url).search}`, options);
}
