// The facilitator's panel beside the group's fresco: deal the batches, help (hint, show a card or
// an arrow), reveal the correction, the creative phase, the debrief, the report and the guide.
// Inputs are built once and only refreshed when not being typed in.
import { linkSignature } from '../../core/fresco';
import { cardOf } from '../../core/level';
import { displayText } from '../../core/text';
import { guideMarkdown, levelGuide } from '../../export/guide';
import { t } from '../../i18n';
import { check, cardTitle, linkSentence, play } from '../../state/game';
import { currentBoard } from '../../boardHost';
import { store, type AppState } from '../../state/store';
import { workshopAct } from '../../state/workshopState';
import { h, present } from '../dom';
import { notAskedCount } from '../../core/check';
import { drawnMisconceptions, drawnNotAsked, hintText } from '../workshop/captions';
import { exportData, exportImage, exportReport } from './exports';

function section(title: string, ...children: (Node | null)[]): { element: HTMLElement; heading: HTMLElement } {
  const heading = h('h2', { class: 'panel-heading', text: title });
  return { element: h('section', { class: 'panel-section' }, [heading, ...present(children)]), heading };
}

function button(action: string, onClick: () => void, primary = false): HTMLButtonElement {
  return h('button', { class: primary ? 'button button-primary' : 'button', attrs: { type: 'button', 'data-action': action }, on: { click: onClick } });
}

/** Keeps a field in step with the state without disturbing someone typing in it. */
function syncValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  if (document.activeElement !== field && field.value !== value) field.value = value;
}

export function mountFacilitatorPanel(parent: HTMLElement): () => void {
  // Cards and batches.
  const batchLine = h('p', { class: 'batch-line' });
  const batchMessage = h('p', { class: 'key-message' });
  const deal = button('next-batch', () => play({ type: 'deal' }), true);
  const cards = section(t('workshop.cards'), batchLine, deal, batchMessage);

  // Help the group.
  const hint = button('hint', () => workshopAct({ type: 'hint' }));
  const clearHint = button('clear-hint', () => workshopAct({ type: 'clear-hint' }));
  const hintLine = h('p', { class: 'hint-line', attrs: { 'aria-live': 'polite' } });
  const highlightSelect = h('select', { class: 'text-input', attrs: { id: 'highlight-target', 'data-highlight-select': true } });
  const highlightLabel = h('label', { attrs: { for: 'highlight-target' } });
  const highlight = button('highlight', () => {
    const value = highlightSelect.value;
    const [kind, id] = value.split(':');
    workshopAct({ type: 'highlight', target: kind === 'card' && id ? { kind: 'card', card: id } : kind === 'link' && id ? { kind: 'link', link: id } : null });
  });
  const help = section(t('workshop.help'), h('div', { class: 'button-row' }, [hint, clearHint]), hintLine, h('div', { class: 'field' }, [highlightLabel, highlightSelect]), highlight);

  // Correction.
  const checkButton = button('check', () => check());
  const revealNext = button('reveal-next', () => workshopAct({ type: 'reveal-next' }), true);
  const revealBatch = button('reveal-batch', () => workshopAct({ type: 'reveal-batch' }));
  const revealAll = button('reveal-all', () => workshopAct({ type: 'reveal-all' }));
  const showWrong = button('show-misconceptions', () => workshopAct({ type: 'show-misconceptions' }));
  const revealedCount = h('p', { attrs: { 'data-revealed-count': true } });
  const scoreLine = h('p', { class: 'score-line', attrs: { 'data-score-line': true } });
  const revealedList = h('ol', { class: 'revealed-list' });
  const wrongTitle = h('h3');
  const wrongList = h('ul', { class: 'revealed-list' });
  // True arrows the group drew that the level does not ask for: the facilitator can say why they are true.
  const notAskedTitle = h('h3');
  const notAskedList = h('ul', { class: 'revealed-list', attrs: { 'data-not-asked': true } });
  const correction = section(
    t('workshop.correction'),
    h('div', { class: 'button-row' }, [revealNext, revealBatch, revealAll]),
    h('div', { class: 'button-row' }, [showWrong, checkButton]),
    scoreLine,
    revealedCount,
    revealedList,
    wrongTitle,
    wrongList,
    notAskedTitle,
    notAskedList,
  );

  // Creative phase.
  const nameInput = h('input', { class: 'text-input', attrs: { id: 'fresco-name', type: 'text', maxlength: 120, 'data-fresco-name': true } });
  nameInput.addEventListener('input', () => workshopAct({ type: 'name-fresco', name: nameInput.value }));
  const nameLabel = h('label', { attrs: { for: 'fresco-name' } });
  const noteInput = h('textarea', { class: 'text-input', attrs: { id: 'note-text', rows: 2, maxlength: 280, 'data-note-input': true } });
  const noteLabel = h('label', { attrs: { for: 'note-text' } });
  const addNote = button('add-note', () => {
    const spot = currentBoard()?.freeSpotInView() ?? { x: 200, y: 200 };
    workshopAct({ type: 'add-note', text: noteInput.value, ...spot });
    noteInput.value = '';
  });
  const noteList = h('ul', { class: 'note-list' });
  const creative = section(t('workshop.creative'), h('div', { class: 'field' }, [nameLabel, nameInput]), h('div', { class: 'field' }, [noteLabel, noteInput]), addNote, noteList);

  // Debrief.
  const questionLine = h('p', { class: 'question-index' });
  const question = h('p', { class: 'question', attrs: { 'data-question': true } });
  const previous = button('debrief-previous', () => workshopAct({ type: 'debrief-go', index: (store.getState().workshop?.debriefIndex ?? 0) - 1 }));
  const next = button('debrief-next', () => workshopAct({ type: 'debrief-go', index: (store.getState().workshop?.debriefIndex ?? 0) + 1 }));
  const answer = h('textarea', { class: 'text-input', attrs: { id: 'debrief-answer', rows: 4, maxlength: 4000, 'data-debrief-answer': true } });
  answer.addEventListener('input', () => workshopAct({ type: 'debrief-answer', index: store.getState().workshop?.debriefIndex ?? 0, text: answer.value }));
  const answerLabel = h('label', { attrs: { for: 'debrief-answer' } });
  const commitments = h('textarea', { class: 'text-input', attrs: { id: 'commitments', rows: 3, maxlength: 4000, 'data-commitments': true } });
  commitments.addEventListener('input', () => workshopAct({ type: 'commitments', text: commitments.value }));
  const commitmentsLabel = h('label', { attrs: { for: 'commitments' } });
  const debrief = section(
    t('workshop.debrief'),
    questionLine,
    question,
    h('div', { class: 'button-row' }, [previous, next]),
    h('div', { class: 'field' }, [answerLabel, answer]),
    h('div', { class: 'field' }, [commitmentsLabel, commitments]),
  );

  // Report.
  const report = button('export-report', () => exportReport(), true);
  const data = button('export-data', () => exportData());
  const image = button('export-image', () => void exportImage());
  const exports = section(t('workshop.export'), h('div', { class: 'button-stack' }, [report, data, image]));

  // Guide.
  const guideBody = h('div', { class: 'guide' });
  const guideSummary = h('summary');
  const guideDownload = button('export-guide', () => {
    const { game, workshop, lang } = store.getState();
    if (!game || !workshop) return;
    void import('../../export/download').then(({ downloadText, fileName }) =>
      downloadText(fileName(`guide-${displayText(game.level.title, lang)}`, new Date(), 'md'), guideMarkdown(game.level, lang, workshop.plan), 'text/markdown'),
    );
  });
  const guide = h('details', { class: 'panel-section guide-section', attrs: { 'data-guide': true } }, [guideSummary, guideBody, guideDownload]);

  const panel = h('aside', { class: 'facilitator-panel', attrs: { 'data-facilitator-panel': true, 'aria-label': t('workshop.modeTitle') } }, [
    cards.element,
    help.element,
    correction.element,
    creative.element,
    debrief.element,
    exports.element,
    guide,
  ]);
  parent.append(panel);
  let guideKey = '';

  const render = (state: AppState) => {
    const { game, workshop, lang } = state;
    if (!game || !workshop) return;
    const { level } = game;
    const board = game.progress.history.present;

    cards.heading.textContent = t('workshop.cards');
    batchLine.textContent = t('board.batch', { current: board.dealt, total: level.batches.length });
    deal.textContent = t('board.nextBatch');
    deal.disabled = board.dealt >= level.batches.length;
    const batch = level.batches[board.dealt - 1];
    batchMessage.textContent = batch?.keyMessage ? `${t('workshop.batchMessage')} : ${displayText(batch.keyMessage, lang)}` : '';
    batchMessage.hidden = !batch?.keyMessage;

    help.heading.textContent = t('workshop.help');
    hint.textContent = t('workshop.hint');
    clearHint.textContent = t('workshop.clearHint');
    clearHint.disabled = !workshop.hint;
    hintLine.textContent = hintText(state) ?? '';
    highlightLabel.textContent = t('workshop.highlightWhat');
    highlight.textContent = t('workshop.highlight');
    const options = [
      { value: '', text: t('workshop.highlightNone') },
      ...Object.keys(board.placed).flatMap((id) => (cardOf(level, id) ? [{ value: `card:${id}`, text: cardTitle(level, id, lang) }] : [])),
      ...board.links.map((link) => ({ value: `link:${link.id}`, text: linkSentence(level, link, lang) })),
    ];
    const selected = workshop.highlight ? `${workshop.highlight.kind}:${workshop.highlight.kind === 'card' ? workshop.highlight.card : workshop.highlight.link}` : highlightSelect.value;
    highlightSelect.replaceChildren(...options.map((option) => h('option', { text: option.text, attrs: { value: option.value, selected: option.value === selected } })));

    correction.heading.textContent = t('workshop.correction');
    revealNext.textContent = t('workshop.revealNext');
    revealBatch.textContent = t('workshop.revealBatch');
    revealAll.textContent = t('workshop.revealAll');
    showWrong.textContent = t('workshop.showMisconceptions');
    checkButton.textContent = t('workshop.checkFresco');
    const allRevealed = workshop.revealed.length >= level.links.length;
    revealNext.disabled = allRevealed;
    revealBatch.disabled = allRevealed;
    revealAll.disabled = allRevealed && workshop.misconceptionsShown;
    revealedCount.textContent = t('workshop.revealedCount', { count: workshop.revealed.length, total: level.links.length });
    const checked = game.progress.check;
    const score = checked?.score;
    const notAsked = checked ? notAskedCount(checked) : 0;
    scoreLine.hidden = !score;
    scoreLine.textContent = score ? `${t('check.title')} : ${t('report.scoreValue', { ...score })}${notAsked > 0 ? ` · ◇ ${t('check.notAsked', { count: notAsked })}` : ''}` : '';
    const drawn = new Set(board.links.map(linkSignature));
    revealedList.replaceChildren(
      ...workshop.revealed.map((index) => {
        const link = level.links[index]!;
        const found = link.relations.some((relation) => drawn.has(linkSignature({ ...link, relation })));
        return h('li', { class: found ? 'is-found' : 'is-missed' }, [
          h('strong', { text: `${found ? '✓' : '○'} ${linkSentence(level, { from: link.from, to: link.to, relation: link.relations[0]! }, lang)}` }),
          link.explanation ? h('span', { text: ` — ${displayText(link.explanation, lang)}` }) : null,
          link.source ? h('span', { class: 'source', text: ` (${link.source})` }) : null,
        ]);
      }),
    );
    const wrong = drawnMisconceptions(state);
    wrongTitle.textContent = t('workshop.misconceptionsDrawn');
    wrongList.replaceChildren(
      ...(wrong.length === 0
        ? [h('li', { text: t('workshop.noMisconceptions') })]
        : wrong.map((item) => h('li', {}, [h('strong', { text: `✗ ${item.sentence}` }), h('span', { text: ` — ${item.explanation}` })]))),
    );
    const truths = drawnNotAsked(state);
    notAskedTitle.textContent = t('workshop.notAskedDrawn');
    notAskedTitle.hidden = truths.length === 0;
    notAskedList.hidden = truths.length === 0;
    notAskedList.replaceChildren(
      ...truths.map((item) =>
        h('li', {}, [
          h('strong', { text: `◇ ${item.sentence}` }),
          h('span', { text: ` — ${item.explanation}` }),
          item.source ? h('span', { class: 'source', text: ` (${item.source})` }) : null,
        ]),
      ),
    );

    creative.heading.textContent = t('workshop.creative');
    nameLabel.textContent = t('workshop.frescoName');
    syncValue(nameInput, workshop.frescoName);
    noteLabel.textContent = t('workshop.notePlaceholder');
    addNote.textContent = t('workshop.addNote');
    noteList.replaceChildren(
      ...workshop.notes.map((note) =>
        h('li', {}, [
          h('span', { text: note.text }),
          h('button', { class: 'button button-quiet', text: t('workshop.removeNote'), attrs: { type: 'button', 'data-action': 'remove-note' }, on: { click: () => workshopAct({ type: 'remove-note', id: note.id }) } }),
        ]),
      ),
    );

    debrief.heading.textContent = t('workshop.debrief');
    const questions = level.debrief;
    const index = Math.min(workshop.debriefIndex, Math.max(0, questions.length - 1));
    questionLine.textContent = questions.length > 0 ? t('workshop.question', { index: index + 1, total: questions.length }) : '';
    question.textContent = questions[index] ? displayText(questions[index], lang) : t('workshop.noQuestions');
    previous.textContent = t('workshop.previousQuestion');
    next.textContent = t('workshop.nextQuestion');
    previous.disabled = index <= 0;
    next.disabled = index >= questions.length - 1;
    answerLabel.textContent = t('workshop.answers');
    answer.disabled = questions.length === 0;
    if (answer.dataset.index !== String(index)) {
      answer.dataset.index = String(index);
      answer.value = workshop.debriefAnswers[index] ?? '';
    } else syncValue(answer, workshop.debriefAnswers[index] ?? '');
    commitmentsLabel.textContent = t('workshop.commitments');
    syncValue(commitments, workshop.commitments);

    exports.heading.textContent = t('workshop.export');
    report.textContent = t('workshop.exportReport');
    data.textContent = t('workshop.exportData');
    image.textContent = t('workshop.exportImage');

    guideSummary.textContent = t('workshop.guide');
    guideDownload.textContent = `${t('workshop.guide')} (Markdown)`;
    const key = `${level.id}:${lang}:${JSON.stringify(workshop.plan)}`;
    if (key !== guideKey) {
      guideKey = key;
      guideBody.replaceChildren(
        ...levelGuide(level, lang, workshop.plan).map((part) =>
          h('div', { class: 'guide-part' }, [
            h('h3', { text: part.title }),
            ...(part.paragraphs ?? []).map((text) => h('p', { text })),
            part.items?.length
              ? h(
                  'ul',
                  {},
                  part.items.map((item) =>
                    h('li', {}, [h('span', { class: 'guide-item', text: item.text }), item.detail ? h('span', { text: ` — ${item.detail}` }) : null, item.source ? h('span', { class: 'source', text: ` (${item.source})` }) : null]),
                  ),
                )
              : null,
          ]),
        ),
      );
    }
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workshop !== previous.workshop || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    panel.remove();
  };
}
