import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useSurveys, type Survey } from '../feedback/useFeedback';
import { Problem, ReadOnlyNote, useCan, useUrlParam } from '../daily/common';
import { answerLink, SEGMENT_LIMIT, useInvite, useInviteSegment, usePreviewSegment, useSaveSurvey } from './useSurveyAdmin';

const KINDS = ['nps', 'csat', 'ces'] as const;

/** Surveys: create and edit NPS, CSAT and CES surveys, invite a customer or a segment, copy the answer link. */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.surveys.title'));
  const writer = useCan('feedback:write');
  const surveys = useSurveys();
  const [edit, setEdit] = useUrlParam('edit');
  const [invite, setInvite] = useUrlParam('invite');
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];
  const editing = edit === 'new' ? null : items.find((survey) => survey.id === edit);
  const inviting = items.find((survey) => survey.id === invite);
  return (
    <section>
      <h1>{t('daily.surveys.title')}</h1>
      <ReadOnlyNote show={!writer} />
      {writer && edit === '' && (
        <button type="button" className="primary" onClick={() => { setInvite(null); setEdit('new'); }}>
          {t('daily.surveys.create')}
        </button>
      )}
      {writer && edit !== '' && (edit === 'new' || editing) && (
        <SurveyForm key={edit} survey={editing ?? null} onDone={() => setEdit(null)} />
      )}
      {writer && inviting && <InvitePanel key={inviting.id} survey={inviting} onClose={() => setInvite(null)} />}
      <h2>{t('daily.surveys.list')}</h2>
      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <Failed error={surveys.error} retry={() => void surveys.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('feedback.noSurveys')}</Empty>
      ) : (
        <table data-testid="surveys">
          <caption className="visually-hidden">{t('daily.surveys.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.name')}</th>
              <th scope="col">{t('feedback.kind')}</th>
              <th scope="col">{t('feedback.invitations')}</th>
              <th scope="col">{t('feedback.responses')}</th>
              <th scope="col">{t('daily.surveys.validDays')}</th>
              <th scope="col">{t('customers.created')}</th>
              {writer && <th scope="col">{t('daily.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((survey) => (
              <tr key={survey.id}>
                <th scope="row">
                  <Link to={`/feedback/${survey.id}`}>{survey.name}</Link>
                </th>
                <td>{t(`feedback.kinds.${survey.kind}`, { defaultValue: survey.kind })}</td>
                <td>{formatNumber(survey.invitations, i18n.language)}</td>
                <td>{formatNumber(survey.responses, i18n.language)}</td>
                <td>{formatNumber(survey.validDays, i18n.language)}</td>
                <td>{formatDate(survey.createdAt, i18n.language)}</td>
                {writer && (
                  <td className="row-actions">
                    <button type="button" onClick={() => { setInvite(null); setEdit(survey.id); }} aria-label={t('daily.surveys.editNamed', { name: survey.name })}>
                      {t('daily.edit')}
                    </button>
                    <button type="button" onClick={() => { setEdit(null); setInvite(survey.id); }} aria-label={t('daily.surveys.inviteNamed', { name: survey.name })}>
                      {t('daily.surveys.invite')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {surveys.hasNextPage && (
        <button type="button" onClick={() => void surveys.fetchNextPage()} disabled={surveys.isFetchingNextPage}>
          {t('customers.loadMore')}
        </button>
      )}
    </section>
  );
}

function SurveyForm({ survey, onDone }: { survey: Survey | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSurvey();
  const [name, setName] = useState(survey?.name ?? '');
  const [kind, setKind] = useState<(typeof KINDS)[number]>(survey?.kind ?? 'nps');
  const [question, setQuestion] = useState(survey?.question ?? '');
  const [commentQuestion, setCommentQuestion] = useState(survey?.commentQuestion ?? '');
  const [validDays, setValidDays] = useState(String(survey?.validDays ?? 30));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      ...(survey ? {} : { kind }),
      question: question.trim() || undefined,
      commentQuestion: commentQuestion.trim() || undefined,
      validDays: validDays === '' ? undefined : Number(validDays),
    };
    save.mutate({ id: survey?.id, body }, { onSuccess: onDone });
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby="survey-form-title" data-testid="survey-form">
      <h2 id="survey-form-title">{survey ? t('daily.surveys.editTitle', { name: survey.name }) : t('daily.surveys.create')}</h2>
      <label htmlFor="survey-name">{t('feedback.name')}</label>
      <input id="survey-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      <label htmlFor="survey-kind">{t('feedback.kind')}</label>
      <select id="survey-kind" value={kind} onChange={(event) => setKind(event.target.value as (typeof KINDS)[number])} disabled={!!survey}>
        {KINDS.map((option) => (
          <option key={option} value={option}>{t(`daily.surveys.kinds.${option}`)}</option>
        ))}
      </select>
      <label htmlFor="survey-question">{t('daily.surveys.question')}</label>
      <input id="survey-question" value={question} onChange={(event) => setQuestion(event.target.value)} placeholder={t('daily.surveys.questionDefault')} />
      <label htmlFor="survey-comment">{t('daily.surveys.commentQuestion')}</label>
      <input id="survey-comment" value={commentQuestion} onChange={(event) => setCommentQuestion(event.target.value)} />
      <label htmlFor="survey-days">{t('daily.surveys.validDays')}</label>
      <input id="survey-days" type="number" min={1} value={validDays} onChange={(event) => setValidDays(event.target.value)} />
      <Problem error={save.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>{t('customer.cancel')}</button>
        <button type="submit" disabled={save.isPending}>{t('daily.save')}</button>
      </div>
    </form>
  );
}

function InvitePanel({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const { t } = useTranslation();
  const one = useInvite(survey.id);
  const segment = useInviteSegment(survey.id);
  const [customerId, setCustomerId] = useState('');
  const [q, setQ] = useUrlParam('sq');
  const [source, setSource] = useUrlParam('ssource');
  const [kind, setKind] = useUrlParam('skind');
  const [limitText, setLimit] = useUrlParam('slimit', '100');
  const limit = Number(limitText);
  const request = { q, kind, source, limit };
  const preview = usePreviewSegment(survey.id);
  const counted = preview.data && preview.variables && JSON.stringify(preview.variables) === JSON.stringify(request) ? preview.data : null;
  return (
    <div className="panel" role="region" aria-labelledby="invite-title" data-testid="invite-panel">
      <h2 id="invite-title">{t('daily.surveys.inviteTitle', { name: survey.name })}</h2>
      <form className="inline-form" onSubmit={(event) => { event.preventDefault(); one.mutate(customerId.trim()); }}>
        <label htmlFor="invite-customer">{t('daily.surveys.customerId')}</label>
        <input id="invite-customer" value={customerId} onChange={(event) => setCustomerId(event.target.value)} required />
        <button type="submit" disabled={one.isPending}>{t('daily.surveys.inviteOne')}</button>
      </form>
      <Problem error={one.error} />
      {one.data && <InvitationLink invitation={one.data} />}
      <form className="inline-form" onSubmit={(event) => { event.preventDefault(); preview.mutate(request); }}>
        <fieldset>
          <legend>{t('daily.surveys.segment', { limit: SEGMENT_LIMIT })}</legend>
          <label htmlFor="segment-q">{t('customers.search')}</label>
          <input id="segment-q" value={q} maxLength={200} onChange={(event) => setQ(event.target.value || null)} />
          <label htmlFor="segment-kind">{t('customers.kind')}</label>
          <select id="segment-kind" value={kind} onChange={(event) => setKind(event.target.value || null)}>
            <option value="">{t('customers.anyKind')}</option>
            <option value="person">{t('customers.person')}</option>
            <option value="organisation">{t('customers.organisation')}</option>
          </select>
          <label htmlFor="segment-source">{t('customers.source')}</label>
          <input id="segment-source" value={source} onChange={(event) => setSource(event.target.value || null)} />
          <label htmlFor="segment-limit">{t('daily.surveys.segmentLimit')}</label>
          <input id="segment-limit" type="number" min={1} max={SEGMENT_LIMIT} required value={limitText}
            onChange={(event) => setLimit(event.target.value)} />
          <button type="submit" disabled={preview.isPending}>{t('daily.surveys.countSegment')}</button>
        </fieldset>
      </form>
      <Problem error={preview.error} />
      {counted && (
        <p data-testid="segment-count">
          {t('daily.surveys.segmentCount', { count: counted.matched })}
          {counted.more ? ` ${t('daily.surveys.segmentMore', { limit: counted.limit })}` : ''}{' '}
          <button type="button" disabled={segment.isPending || counted.matched === 0} onClick={() => segment.mutate(request)}>
            {t('daily.surveys.inviteSegmentCount', { count: counted.matched })}
          </button>
        </p>
      )}
      <Problem error={segment.error} />
      {segment.data && (
        <div role="status" data-testid="segment-done">
          <p>{t('daily.surveys.segmentDone', { count: segment.data.matched })}</p>
          {segment.data.invitations.length > 0 && (
            <ul className="links">
              {segment.data.invitations.slice(0, 20).map((invitation) => (
                <li key={invitation.id}><InvitationLink invitation={invitation} /></li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="button" onClick={onClose}>{t('daily.close')}</button>
    </div>
  );
}

/** The single-use answer link with a copy button (the token is shown only now). */
function InvitationLink({ invitation }: { invitation: { customerId?: string; answerPath?: string | null; token?: string | null } }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const link = answerLink(invitation);
  const copy = async () => {
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  return (
    <p className="invitation-link">
      <a href={link} data-testid="answer-link">{link}</a>{' '}
      <button type="button" onClick={() => void copy()} aria-label={t('daily.surveys.copyFor', { customer: invitation.customerId })}>
        {t('daily.surveys.copy')}
      </button>
      <span role="status">{copied ? t('daily.surveys.copied') : ''}</span>
    </p>
  );
}
