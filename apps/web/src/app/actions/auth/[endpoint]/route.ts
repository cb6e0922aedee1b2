import { serverConfig } from '@/server/config';
import { forward } from '@/server/forward';

export const dynamic = 'force-dynamic';

// The session cookie routes of the actions service (docs/security.md), at the path nginx gives
// them in compose (/actions/ is stripped); nothing else of the actions service is reachable here.
const ENDPOINTS = new Set(['cookie', 'refresh', 'sign-out']);

export async function POST(request: Request, { params }: { params: Promise<{ endpoint: string }> }): Promise<Response> {
  const { endpoint } = await params;
  if (!ENDPOINTS.has(endpoint)) return new Response(null, { status: 404 });
  return forward(request, `${serverConfig().ACTIONS_BASE_URL}/auth/${endpoint}`);
}
