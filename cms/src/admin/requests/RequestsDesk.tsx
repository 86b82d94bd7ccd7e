import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useSay, type MessageId } from '../translations/say';
import { useOfficeTime } from '../translations/office-time';
import en from '../translations/en.json';
import { CLOCKS, FIELDS, GRANTED_TYPES, STATES } from './words';
import { languageNativeNames } from '../translations/native-names';
import { INTAKE } from '../../requests/intake';

/** The requests desk: the public's submissions with their legal clocks, and the steps of the process (cms/src/requests). */

type Clock = (typeof CLOCKS)[number];
/** A submission as the desk's API sends it: the fields the desk names, and the sender's others as they are. */
interface Submission {
  documentId: string;
  reference: string;
  status: string;
  assignee?: string | null;
  urgent?: boolean;
  description?: string;
  question?: string;
  subject?: string;
  [field: string]: unknown;
}
interface Row {
  kind: string;
  entry: Submission;
  dueAt: string;
  clock: Clock;
  actions: string[];
}
interface Detail extends Row {
  history: Array<{ action: string; from: string; to: string; actor: string; reason: string | null; at: string }>;
  attachments: Array<{ id: number; name: string; mime: string; size: number }>;
  needs: Record<string, string[]>;
  canUpdate: boolean;
}
interface Listing {
  kinds: string[];
  officers: Array<{ email: string; name: string }>;
  rows: Row[];
}

const TONE: Record<Clock, 'success' | 'secondary' | 'warning' | 'danger' | 'neutral'> = {
  running: 'secondary',
  'due-today': 'warning',
  overdue: 'danger',
  'answered-in-time': 'success',
  'answered-late': 'warning',
};
type Say = ReturnType<typeof useSay>;
/** The words of a code the CMS sends (a kind, a state, a step, a need, a problem); the code itself if it has none. */
const word = (say: Say, group: string, code: string) => {
  const id = `newsroom.requests.${group}.${code}`;
  return id in en ? say(id as MessageId) : code;
};
/** A sender's field as the desk shows it: codes in words. */
const fieldValue = (say: Say, field: string, value: string) => {
  if (field === 'preferredFormat') return word(say, 'format', value);
  if (field === 'language') return languageNativeNames[value] ?? value;
  return value;
};
const summary = (e: Submission) => String(e.description ?? e.question ?? e.subject ?? '').slice(0, 90);

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (v: string) => void;
}) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography variant="pi" fontWeight="bold">
        {label}
      </Typography>
      <select value={value} onChange={(e) => onChange(e.target.value)} style={{ padding: 6 }}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

function StepForm({ detail, onDone }: { detail: Detail; onDone: () => void }) {
  const { post } = useFetchClient();
  const say = useSay();
  const [action, setAction] = React.useState(detail.actions[0] ?? '');
  const [input, setInput] = React.useState<Record<string, string>>({});
  const [problems, setProblems] = React.useState<Record<string, string>>({});
  if (!detail.canUpdate || detail.actions.length === 0) return null;
  const submit = async () => {
    // Every answer comes back (validateStatus): a refused step names its problems by field.
    const res = await post(
      `/newsroom/requests/${detail.kind}/${detail.entry.documentId}/steps`,
      { action, ...input, extensionDays: input.extensionDays ? Number(input.extensionDays) : undefined },
      { validateStatus: () => true },
    ).catch(() => ({ data: { problems: { form: 'unsaved' } } }));
    const refused = (res.data as { problems?: Record<string, string> }).problems;
    if (refused) return setProblems(refused);
    setProblems({});
    setInput({});
    onDone();
  };
  return (
    <Box paddingTop={4}>
      <Typography variant="delta" tag="h3">
        {say('newsroom.requests.nextStep')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
        <Select
          label={say('newsroom.requests.step')}
          value={action}
          options={detail.actions.map((a) => [a, word(say, 'action', a)])}
          onChange={(v) => {
            setAction(v);
            setProblems({});
          }}
        />
        {problems.action && (
          <Typography textColor="danger600" role="alert">
            {word(say, 'problem', problems.action)}
          </Typography>
        )}
        {(detail.needs[action] ?? []).map((need) => (
          <label key={need} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Typography variant="pi" fontWeight="bold">
              {word(say, 'need', need)}
            </Typography>
            {need === 'extensionDays' ? (
              <input
                type="number"
                min={1}
                max={15}
                value={input[need] ?? ''}
                onChange={(e) => setInput({ ...input, [need]: e.target.value })}
              />
            ) : need === 'validUntil' ? (
              <input
                type="date"
                value={input[need] ?? ''}
                onChange={(e) => setInput({ ...input, [need]: e.target.value })}
              />
            ) : need === 'grantedType' ? (
              <select value={input[need] ?? ''} onChange={(e) => setInput({ ...input, [need]: e.target.value })}>
                <option value="" />
                {GRANTED_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {word(say, 'grantedType', type)}
                  </option>
                ))}
              </select>
            ) : (
              <textarea
                rows={need === 'answer' ? 6 : 3}
                value={input[need] ?? ''}
                onChange={(e) => setInput({ ...input, [need]: e.target.value })}
              />
            )}
            {problems[need] && (
              <Typography textColor="danger600" role="alert">
                {word(say, 'problem', problems[need])}
              </Typography>
            )}
          </label>
        ))}
        {problems.form && (
          <Typography textColor="danger600" role="alert">
            {word(say, 'problem', problems.form)}
          </Typography>
        )}
        <Box>
          <Button onClick={() => void submit()}>{word(say, 'action', action)}</Button>
        </Box>
      </Flex>
    </Box>
  );
}

function DetailPanel({
  detail,
  officers,
  onChange,
}: {
  detail: Detail;
  officers: Listing['officers'];
  onChange: () => void;
}) {
  const { get, post } = useFetchClient();
  const say = useSay();
  const officeTime = useOfficeTime();
  const e = detail.entry;
  const download = async (id: number, name: string) => {
    const { data } = await get<Blob>(`/newsroom/requests/${detail.kind}/${e.documentId}/attachments/${id}`, {
      responseType: 'blob',
    });
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(data),
      download: name,
    });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const assign = async (assignee: string) => {
    await post(`/newsroom/requests/${detail.kind}/${e.documentId}/assignee`, { assignee });
    onChange();
  };
  const fields = FIELDS.filter((f) => e[f]);
  return (
    <Box padding={6} marginTop={6} background="neutral0" shadow="tableShadow" hasRadius>
      <Typography variant="beta" tag="h2">
        {e.reference}: {word(say, 'kind', detail.kind)}
      </Typography>
      <Flex gap={2} paddingTop={2}>
        <Badge>{word(say, 'state', e.status)}</Badge>
        <Badge textColor={`${TONE[detail.clock]}700`} backgroundColor={`${TONE[detail.clock]}100`}>
          {word(say, 'clock', detail.clock)}
        </Badge>
        <Typography>
          {say(e.urgent ? 'newsroom.requests.dueUrgent' : 'newsroom.requests.due', { when: officeTime(detail.dueAt) })}
        </Typography>
      </Flex>
      <dl>
        {fields.map((f) => (
          <React.Fragment key={f}>
            <dt>
              <Typography variant="pi" fontWeight="bold">
                {word(say, 'field', f)}
              </Typography>
            </dt>
            <dd>
              <Typography style={{ whiteSpace: 'pre-wrap' }}>{fieldValue(say, f, String(e[f]))}</Typography>
            </dd>
          </React.Fragment>
        ))}
      </dl>
      {detail.attachments.length > 0 && (
        <Box paddingTop={2}>
          <Typography variant="delta" tag="h3">
            {say('newsroom.requests.attached')}
          </Typography>
          {detail.attachments.map((a) => (
            <Box key={a.id}>
              <Button variant="tertiary" onClick={() => void download(a.id, a.name)}>
                {a.name} ({Math.ceil(a.size / 1024)} KB)
              </Button>
            </Box>
          ))}
        </Box>
      )}
      {detail.canUpdate && (
        <Box paddingTop={4} style={{ maxWidth: 320 }}>
          <Select
            label={say('newsroom.requests.assignedTo')}
            value={e.assignee ?? ''}
            options={[
              ['', say('newsroom.requests.nobody')],
              ...officers.map((o): [string, string] => [o.email, o.name]),
            ]}
            onChange={(assignee) => void assign(assignee)}
          />
        </Box>
      )}
      <StepForm key={`${e.documentId}:${e.status}`} detail={detail} onDone={onChange} />
      <Box paddingTop={6}>
        <Typography variant="delta" tag="h3">
          {say('newsroom.requests.history')}
        </Typography>
        <ol>
          {detail.history.map((h, i) => (
            <li key={i}>
              <Typography>
                {say('newsroom.requests.historyLine', {
                  at: officeTime(h.at),
                  step: word(say, 'action', h.action),
                  from: word(say, 'state', h.from),
                  to: word(say, 'state', h.to),
                  actor: h.actor === INTAKE.actor ? say('newsroom.requests.actor.public') : h.actor,
                })}
                {h.reason ? `: ${h.reason}` : ''}
              </Typography>
            </li>
          ))}
        </ol>
      </Box>
    </Box>
  );
}

export default function RequestsDesk() {
  const { get } = useFetchClient();
  const say = useSay();
  const officeTime = useOfficeTime();
  const [filters, setFilters] = React.useState({ kind: '', status: '', assignee: '', clock: '' });
  const [listing, setListing] = React.useState<Listing | null>(null);
  const [detail, setDetail] = React.useState<Detail | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
    try {
      setListing((await get(`/newsroom/requests?${query}`)).data as Listing);
      setError(null);
    } catch (e) {
      setError(say('newsroom.requests.error', { error: (e as Error).message }));
    }
    // `say` is left out: a new function each render, and the admin reloads when its language changes.
  }, [get, filters]);
  const open = React.useCallback(
    async (kind: string, documentId: string) =>
      setDetail((await get(`/newsroom/requests/${kind}/${documentId}`)).data as Detail),
    [get],
  );
  React.useEffect(() => void load(), [load]);
  const refresh = async () => {
    await load();
    if (detail) await open(detail.kind, detail.entry.documentId);
  };

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          {say('newsroom.requests-desk')}
        </Typography>
        <Box paddingTop={2} paddingBottom={4}>
          <Typography textColor="neutral600">{say('newsroom.requests.intro')}</Typography>
        </Box>
        {error && (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        )}
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Select
            label={say('newsroom.requests.col.kind')}
            value={filters.kind}
            options={[
              ['', say('newsroom.requests.all')],
              ...(listing?.kinds ?? []).map((k): [string, string] => [k, word(say, 'kind', k)]),
            ]}
            onChange={(kind) => setFilters({ ...filters, kind })}
          />
          <Select
            label={say('newsroom.requests.col.state')}
            value={filters.status}
            options={[
              ['', say('newsroom.requests.all')],
              ...STATES.map((s): [string, string] => [s, word(say, 'state', s)]),
            ]}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <Select
            label={say('newsroom.requests.assignedTo')}
            value={filters.assignee}
            options={[
              ['', say('newsroom.requests.anyone')],
              ['-', say('newsroom.requests.nobody')],
              ...(listing?.officers ?? []).map((o): [string, string] => [o.email, o.name]),
            ]}
            onChange={(assignee) => setFilters({ ...filters, assignee })}
          />
          <Select
            label={say('newsroom.requests.col.clock')}
            value={filters.clock}
            options={[
              ['', say('newsroom.requests.all')],
              ...CLOCKS.map((c): [string, string] => [c, word(say, 'clock', c)]),
            ]}
            onChange={(clock) => setFilters({ ...filters, clock })}
          />
        </Flex>
        {listing && listing.rows.length === 0 && (
          <Typography textColor="neutral600">{say('newsroom.desk.nothing')}</Typography>
        )}
        {listing && listing.rows.length > 0 && (
          <Table colCount={6} rowCount={listing.rows.length + 1}>
            <Thead>
              <Tr>
                {(
                  [
                    'newsroom.requests.col.reference',
                    'newsroom.requests.col.kind',
                    'newsroom.requests.col.state',
                    'newsroom.requests.col.clock',
                    'newsroom.requests.col.due',
                    'newsroom.requests.assignedTo',
                  ] as MessageId[]
                ).map((c) => (
                  <Th key={c}>
                    <Typography variant="sigma">{say(c)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {listing.rows.map((r) => (
                <Tr key={r.entry.documentId} data-clock={r.clock}>
                  <Td>
                    <Button variant="tertiary" onClick={() => void open(r.kind, r.entry.documentId)}>
                      {r.entry.reference}
                    </Button>{' '}
                    <Typography textColor="neutral600">{summary(r.entry)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{word(say, 'kind', r.kind)}</Typography>
                  </Td>
                  <Td>
                    <Badge>{word(say, 'state', r.entry.status)}</Badge>
                  </Td>
                  <Td>
                    <Badge textColor={`${TONE[r.clock]}700`} backgroundColor={`${TONE[r.clock]}100`}>
                      {word(say, 'clock', r.clock)}
                    </Badge>
                  </Td>
                  <Td>
                    <Typography>{officeTime(r.dueAt)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.entry.assignee ?? '—'}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {detail && <DetailPanel detail={detail} officers={listing?.officers ?? []} onChange={() => void refresh()} />}
      </Box>
    </Main>
  );
}
