import { serverConfig } from '@/server/config';
import { forward } from '@/server/forward';

export const dynamic = 'force-dynamic';

const target = () => `${serverConfig().ENGINE_URL}/v1/graphql`;

export function POST(request: Request): Promise<Response> {
  return forward(request, target());
}

export function GET(request: Request): Promise<Response> {
  return forward(request, `${target()}${new URL(request.url).search}`);
}
