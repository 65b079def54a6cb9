/**
 * `GET /dashboard`: a placeholder until the dashboard (charts from /v1/stats,
 * a login form for the admin token) is built here. The service routes every
 * request under /dashboard to this function.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Consentry records</title></head>
<body>
<h1>Consentry records</h1>
<p>The dashboard is coming. Meanwhile: <code>GET /v1/stats</code> and <code>GET /v1/export</code> with the admin token.</p>
</body>
</html>
`

/** The dashboard's answer to `request` (any path under /dashboard). */
export const dashboard = async (request: Request): Promise<Response> => {
  const { pathname } = new URL(request.url)
  if (pathname != '/dashboard' && pathname != '/dashboard/')
    return new Response(JSON.stringify({ error: 'not found' }), { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' } })
  if (request.method != 'GET' && request.method != 'HEAD')
    return new Response(JSON.stringify({ error: `${request.method} not allowed` }), { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' } })
  return new Response(PAGE, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
  })
}
