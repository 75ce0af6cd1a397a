// A small fake HubSpot for the end-to-end run: answers what Kreis' HubSpot connector calls (see
// connectors/hubspot/.../HubSpotSession.java and its Java fake FakeHubSpot), in HubSpot's documented shapes:
//   GET  /crm/v3/objects/{type}?limit&after&archived   list (https://developers.hubspot.com/docs/api/crm/contacts)
//   POST /crm/v3/objects/{type}/search                 lastmodifieddate GTE, ascending (https://developers.hubspot.com/docs/api/crm/search)
//   POST /crm/v3/objects/{type}/batch/read|update|create
//   GET|POST /crm/v3/properties/{type}/...              Kreis' CX fields and their group
//   POST /crm/v4/associations/{from}/{to}/batch/read   no associations
// Only contacts hold records; every other object type is known and empty. Writes are kept, so Kreis' pushes work.
import { createServer } from 'node:http';

export async function startFakeHubSpot({ port, token }) {
  const contacts = new Map();
  let nextId = 1000;
  const requests = [];

  const record = (id, stored) => ({
    id, properties: { ...stored.properties, hs_object_id: id, lastmodifieddate: stored.modified },
    createdAt: stored.created, updatedAt: stored.modified, archived: false,
  });
  const add = (properties) => {
    const id = String(nextId++);
    const now = new Date().toISOString();
    contacts.set(id, { properties: { ...properties }, created: now, modified: now });
    return id;
  };
  const change = (id, properties) => {
    const stored = contacts.get(id);
    Object.assign(stored.properties, properties);
    stored.modified = new Date().toISOString();
  };

  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : {};
    const url = new URL(request.url, `http://127.0.0.1:${port}`);
    requests.push(`${request.method} ${url.pathname}`);
    const send = (status, answer) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'x-hubspot-ratelimit-max': '190',
        'x-hubspot-ratelimit-remaining': '150', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });
      response.end(answer === undefined ? '' : JSON.stringify(answer));
    };
    const error = (status, category, message) => send(status, { status: 'error', message, category, correlationId: 'e2e' });
    if (request.headers.authorization !== `Bearer ${token}`) {
      error(401, 'INVALID_AUTHENTICATION', 'The OAuth token used to make this call expired');
      return;
    }
    const path = url.pathname.split('/');
    if (url.pathname.startsWith('/crm/v4/associations/')) {
      send(200, { status: 'COMPLETE', results: [] });
      return;
    }
    if (url.pathname.startsWith('/crm/v3/properties/')) {
      if (request.method === 'GET') send(200, { name: path[path.length - 1], label: path[path.length - 1] });
      else send(201, { ...body });
      return;
    }
    if (path[1] !== 'crm' || path[3] !== 'objects' || !path[4]) {
      error(404, 'OBJECT_NOT_FOUND', `${request.method} ${url.pathname}`);
      return;
    }
    const type = path[4];
    const action = path.slice(5).join('/');
    const all = type === 'contacts' ? [...contacts.entries()] : [];
    if (request.method === 'GET' && action === '') {
      const results = url.searchParams.get('archived') === 'true' ? [] : all.map(([id, stored]) => record(id, stored));
      send(200, { results });
    } else if (request.method === 'POST' && action === 'search') {
      const since = Number(body.filterGroups?.[0]?.filters?.[0]?.value ?? 0);
      const results = all.filter(([, stored]) => Date.parse(stored.modified) >= since)
        .sort(([, a], [, b]) => a.modified.localeCompare(b.modified)).map(([id, stored]) => record(id, stored));
      send(200, { total: results.length, results });
    } else if (request.method === 'POST' && action === 'batch/read') {
      const wanted = new Set((body.inputs ?? []).map((input) => String(input.id)));
      send(200, { status: 'COMPLETE', results: all.filter(([id]) => wanted.has(id)).map(([id, stored]) => record(id, stored)) });
    } else if (request.method === 'POST' && (action === 'batch/update' || action === 'batch/create')) {
      if (!body.inputs?.length) {
        error(400, 'VALIDATION_ERROR', 'inputs must not be empty');
        return;
      }
      const results = body.inputs.map((input) => {
        let id = input.id === undefined ? undefined : String(input.id);
        if (type === 'contacts' && id && contacts.has(id)) change(id, input.properties ?? {});
        else if (type === 'contacts') id = add(input.properties ?? {});
        else id = id ?? String(nextId++);
        const now = new Date().toISOString();
        return { id, properties: input.properties ?? {}, createdAt: now, updatedAt: now, archived: false,
          ...(input.objectWriteTraceId === undefined ? {} : { objectWriteTraceId: input.objectWriteTraceId }) };
      });
      send(action === 'batch/create' ? 201 : 200, { status: 'COMPLETE', results });
    } else if (request.method === 'POST' && action === 'gdpr-delete') {
      contacts.delete(String(body.objectId));
      send(204);
    } else if (request.method === 'DELETE') {
      contacts.delete(action);
      send(204);
    } else {
      error(404, 'NOT_FOUND', `${request.method} ${url.pathname}`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    add,
    change,
    requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
