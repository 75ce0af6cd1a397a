// The test data of the end-to-end run: two customers who are the same person, each with touchpoints.
/** Eight random lower-case letters (search normalises digits away, so names carry none). */
const unique = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

async function profile(api, source, firstName, lastName, email) {
  return api('POST', '/api/v1/profiles', {
    source,
    externalId: `e2e-${unique()}`,
    kind: 'person',
    attributes: { firstName, lastName },
    identifiers: [{ type: 'email', value: email }],
  });
}

async function touchpoint(api, customerId, fields) {
  return api('POST', '/api/v1/touchpoints', { source: 'shop', externalId: `tp-${unique()}`, type: 'core.interaction', customerId, ...fields });
}

export async function seed(api) {
  const tag = unique();
  const erika = await profile(api, 'crm', 'Erika', `Mustermann${tag}`, `erika.${tag}@example.com`);
  const other = await profile(api, 'shop', 'Erika', `Muster${tag}`, `e.muster.${tag}@example.org`);
  const day = (offset) => new Date(Date.now() - offset * 86_400_000).toISOString();
  await touchpoint(api, erika.customerId, { channel: 'web', phase: 'awareness', occurredAt: day(20) });
  await touchpoint(api, erika.customerId, { source: 'support', channel: 'phone', phase: 'retention', occurredAt: day(10) });
  await touchpoint(api, erika.customerId, { source: 'crm', type: 'feedback.nps', score: 9, occurredAt: day(5) });
  await touchpoint(api, other.customerId, { channel: 'store', phase: 'purchase', occurredAt: day(3) });
  for (let i = 0; i < 6; i++) {
    const someone = await profile(api, 'crm', 'Max', `Beispiel${tag}${i}`, `max.${tag}.${i}@example.com`);
    await touchpoint(api, someone.customerId, { source: 'crm', type: 'feedback.nps', score: i < 4 ? 10 : 3, occurredAt: day(2 + i * 7) });
  }
  const survey = await seedSurvey(api, tag, [
    [erika.customerId, 9, 'Friendly and quick'],
    [other.customerId, 3, `Waited too long ${tag}`],
  ]);
  return { tag, erika, other, lastName: `Mustermann${tag}`, survey, detractorComment: `Waited too long ${tag}` };
}

/** An NPS survey with a comment question, each customer invited and answering through the public link. */
async function seedSurvey(api, tag, answers) {
  const survey = await api('POST', '/api/v1/surveys', { name: `After-support NPS ${tag}`, kind: 'nps', commentQuestion: 'What could we do better?' });
  for (const [customerId, score, comment] of answers) {
    const invitation = await api('POST', `/api/v1/surveys/${survey.id}/invitations`, { customerId });
    await api('POST', `/public/v1/responses/${invitation.token}`, { score, comment });
  }
  return survey;
}

/** A customer's timeline ids, newest first, all pages. */
export async function timelineIds(api, customerId) {
  const ids = [];
  let cursor;
  do {
    const page = await api('GET', `/api/v1/customers/${customerId}/timeline?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
