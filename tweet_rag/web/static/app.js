/* tweet-rag page: ask with a streamed answer, tweet cards, the timeline, index status and indexing.
 *
 * Every piece of text that comes from the server (tweets, answers, messages) is put in the page with
 * textContent or createTextNode, never as HTML, so a tweet holding markup shows as text. The page talks
 * only to its own server (the Content-Security-Policy forbids anything else).
 */
"use strict";

const $ = (id) => document.getElementById(id);
const state = { history: [], turns: 0, busy: false, lastQuestion: null, timeline: null, prompts: null,
  indexPoll: null, selected: null, answering: null };
const CITATION = /\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]/g;
const URL_RE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function readJson(response) {
  try { return await response.json(); } catch { return {}; }
}

async function errorOf(response) {
  const body = await readJson(response);
  return body.error || `the server answered ${response.status} ${response.statusText}`;
}

/* ---- filters ------------------------------------------------------------------------------------ */
function filters() {
  const out = {};
  const since = $("since").value.trim();
  const until = $("until").value.trim();
  if (since) out.since = since;
  if (until) out.until = until;
  if ($("no-retweets").checked) out.retweets = "exclude";
  if ($("no-replies").checked) out.replies = "exclude";
  const prompt = $("prompt").value;
  if (prompt) out.prompt = prompt;
  return out;
}

function fillPrompts(names, chosen) {
  if (state.prompts !== null) return;
  state.prompts = names;
  const select = $("prompt");
  for (const name of names) select.append(el("option", { value: name, text: name }));
  if (chosen && names.includes(chosen)) select.value = chosen;
}

/* ---- asking ------------------------------------------------------------------------------------- */
async function* sseEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { name, data: JSON.parse(data.join("\n")) };
    }
  }
}

function newTurn(question) {
  const hint = $("conversation").querySelector(".empty-hint");
  if (hint) hint.remove();
  state.turns += 1;
  const node = $("turn-template").content.firstElementChild.cloneNode(true);
  node.id = `turn-${state.turns}`;
  node.dataset.turn = String(state.turns);
  node.querySelector(".q").textContent = question;
  $("conversation").append(node);
  node.scrollIntoView({ block: "nearest" });
  return node;
}

function cardId(turn, number) {
  return `t${turn}-n${number}`;
}

/* The answer as text nodes with each [n] (or [n, m]) a link to its card. */
function renderAnswer(container, text, turn, known) {
  container.replaceChildren();
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    container.append(document.createTextNode(text.slice(last, match.index)));
    const numbers = match[1].split(/[,;]/).map((part) => part.trim()).filter(Boolean);
    numbers.forEach((number) => {
      const target = cardId(turn, number);
      const link = known && known.has(Number(number))
        ? el("a", { class: "cite", href: `#${target}`, "data-cite": number, text: `[${number}]` })
        : el("span", { class: "cite", text: `[${number}]` });
      container.append(link);
    });
    last = match.index + match[0].length;
  }
  container.append(document.createTextNode(text.slice(last)));
}

function linkified(text) {
  const span = el("span");
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    span.append(document.createTextNode(text.slice(last, match.index)));
    span.append(el("a", { href: match[0], rel: "noopener noreferrer nofollow", target: "_blank", text: match[0] }));
    last = match.index + match[0].length;
  }
  span.append(document.createTextNode(text.slice(last)));
  return span;
}

function tweetLink(tweet, label) {
  const safe = /^https:\/\/(x|twitter)\.com\//.test(tweet.url) ? tweet.url : null;
  return el("a", { href: safe, rel: "noopener noreferrer", target: "_blank", "data-testid": "tweet-link",
    text: label || "open on x.com" });
}

const LONG_TEXT = 420;

/* A tweet's text as a paragraph; a long one is cut to a few lines with a button to show it all. */
function tweetText(text) {
  const paragraph = el("p", { class: "text" }, linkified(text));
  if (text.length <= LONG_TEXT) return paragraph;
  paragraph.classList.add("clamped");
  const more = el("button", { type: "button", class: "link more", text: "show all" });
  more.addEventListener("click", () => {
    const clamped = paragraph.classList.toggle("clamped");
    more.textContent = clamped ? "show all" : "show less";
  });
  return el("div", {}, paragraph, more);
}

function renderCard(card, turn, cited) {
  const node = el("article", { class: "card", "data-testid": "source", "data-kind": card.kind,
    "data-cited": cited ? "true" : "false" });
  const first = card.tweets[0];
  const numbers = card.tweets.map((tweet) => `[${tweet.number}]`).join("");
  node.append(el("header", {}, el("span", { class: "num", text: numbers }),
    el("time", { datetime: first.created_at || "", text: card.date_range || first.date }),
    el("span", { class: "kind", text: card.kind_label || card.kind })));
  if (card.tweets.length === 1) {
    node.id = cardId(turn, first.number);
    node.append(tweetText(first.text));
    node.append(el("footer", {}, tweetLink(first)));
  } else {
    const list = el("ol", { class: "thread" });
    for (const tweet of card.tweets) {
      const item = el("li", { id: cardId(turn, tweet.number), class: tweet.cited ? "cited-part" : null },
        tweetText(tweet.text),
        el("small", {}, `[${tweet.number}] ${tweet.date} · `, tweetLink(tweet, "open")));
      list.append(item);
    }
    node.append(list);
    node.append(el("footer", {}, tweetLink(first, "open the thread on x.com")));
  }
  return node;
}

function renderSources(turnNode, turn, result) {
  const cited = turnNode.querySelector(".cited");
  const others = turnNode.querySelector(".others");
  cited.replaceChildren();
  others.replaceChildren();
  for (const card of result.cards) {
    (card.cited ? cited : others).append(renderCard(card, turn, card.cited));
  }
  const citedCount = result.cards.filter((card) => card.cited).length;
  const otherCount = result.cards.length - citedCount;
  turnNode.querySelector(".cited-title").hidden = citedCount === 0;
  const box = turnNode.querySelector(".others-box");
  box.hidden = otherCount === 0;
  box.open = citedCount === 0;
  turnNode.querySelector(".others-title").textContent =
    `Also retrieved: ${otherCount} ${otherCount === 1 ? "tweet card" : "tweet cards"} the answer does not cite`;
}

async function ask(question, options = {}) {
  question = question.trim();
  if (!question || state.busy) return;
  showError("");
  state.busy = true;
  $("ask").disabled = true;
  /* Stop aborts the request: the server sees its client go and stops the model at once. */
  const controller = new AbortController();
  state.answering = controller;
  $("stop").hidden = false;
  const turnNode = newTurn(question);
  const turn = state.turns;
  const answerNode = turnNode.querySelector(".a");
  answerNode.classList.add("streaming");
  const body = { question, ...filters(), ...(options.filters || {}) };
  const history = options.noHistory ? [] : state.history.slice();
  if (history.length) body.chat_history = history;
  let answer = "";
  let standalone = question;
  try {
    const response = await fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(await errorOf(response));
    for await (const event of sseEvents(response)) {
      if (event.name === "question") {
        standalone = event.data.standalone_question || question;
        if (standalone !== question) {
          const note = turnNode.querySelector(".standalone");
          note.textContent = `searched for: ${standalone}`;
          note.hidden = false;
        }
        loadTimeline(standalone, body);
      } else if (event.name === "answer") {
        answer += event.data.text;
        renderAnswer(answerNode, answer, turn, null);
      } else if (event.name === "sources") {
        const known = new Set(event.data.context.map((tweet) => tweet.number));
        renderAnswer(answerNode, answer, turn, known);
        renderSources(turnNode, turn, event.data);
      } else if (event.name === "error") {
        throw new Error(event.data.message);
      }
    }
    if (controller.signal.aborted) throw new DOMException("stopped", "AbortError");
    state.history.push(["human", question], ["ai", answer]);
  } catch (error) {
    if (controller.signal.aborted) {
      answerNode.classList.add("stopped");
      turnNode.querySelector(".stopped-note").hidden = false;
    } else {
      answerNode.classList.add("failed");
      if (!answer) answerNode.textContent = "No answer.";
      showError(error.message || String(error));
    }
  } finally {
    answerNode.classList.remove("streaming");
    state.busy = false;
    state.answering = null;
    $("stop").hidden = true;
    $("ask").disabled = false;
  }
}

function stopAnswer() {
  if (state.answering) state.answering.abort();
}

function startOver() {
  stopAnswer();
  state.history = [];
  $("conversation").replaceChildren();
  showError("");
  state.timeline = null;
  drawTimeline();
  $("question").focus();
}

/* ---- timeline ----------------------------------------------------------------------------------- */
async function loadTimeline(question, body) {
  state.lastQuestion = { question, body };
  const params = new URLSearchParams({ question, granularity: granularity() });
  if (body.retweets) params.set("retweets", body.retweets);
  if (body.replies) params.set("replies", body.replies);
  try {
    const response = await fetch(`/api/timeline?${params}`);
    if (!response.ok) throw new Error(await errorOf(response));
    state.timeline = await response.json();
    state.selected = body.since && body.since === body.until ? body.since : null;
  } catch (error) {
    state.timeline = { error: error.message || String(error), periods: [] };
  }
  drawTimeline();
}

function granularity() {
  return document.querySelector('input[name="granularity"]:checked').value;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function drawTimeline() {
  const box = $("timeline");
  const caption = $("timeline-caption");
  box.replaceChildren();
  const data = state.timeline;
  if (!data) {
    caption.textContent = "Ask a question to see when you tweeted about it.";
    box.dataset.periods = "0";
    return;
  }
  if (data.error) {
    caption.textContent = data.error;
    box.dataset.periods = "0";
    return;
  }
  const periods = data.periods;
  box.dataset.periods = String(periods.length);
  box.dataset.granularity = data.granularity;
  if (!data.total) {
    caption.textContent = `No tweets found about “${data.question}”.`;
    return;
  }
  caption.textContent = `${data.total} tweets about “${data.question}”, per ${data.granularity}` +
    ` (${data.first} to ${data.last}). Click a bar to ask within that ${data.granularity}.`;
  const width = 340, height = 140, left = 26, bottom = 20, top = 6;
  const max = Math.max(...periods.map((p) => p.count), 1);
  const slot = (width - left) / periods.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `tweets per ${data.granularity}` });
  chart.append(svg("line", { class: "baseline", x1: left, x2: width, y1: height - bottom, y2: height - bottom }));
  const maxLabel = svg("text", { class: "axis", x: 0, y: top + 8 });
  maxLabel.textContent = String(max);
  chart.append(maxLabel);
  const labelEvery = Math.max(1, Math.ceil(periods.length / 6));
  periods.forEach((period, i) => {
    const h = ((height - bottom - top) * period.count) / max;
    const x = left + i * slot + slot * 0.1;
    const bar = svg("rect", { class: "bar" + (state.selected === period.period ? " selected" : ""),
      x, y: height - bottom - h, width: Math.max(slot * 0.8, 1), height: Math.max(h, period.count ? 1 : 0),
      tabindex: period.count ? 0 : -1, "data-period": period.period, "data-count": period.count,
      "data-testid": "timeline-bar" });
    const tip = svg("title");
    tip.textContent = `${period.period}: ${period.count} ${period.count === 1 ? "tweet" : "tweets"}`;
    bar.append(tip);
    if (period.count) {
      bar.addEventListener("click", () => askWithin(period.period));
      bar.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); askWithin(period.period); }
      });
    }
    chart.append(bar);
    if (i % labelEvery === 0) {
      const label = svg("text", { class: "axis", x: left + i * slot, y: height - 5 });
      label.textContent = period.period;
      chart.append(label);
    }
  });
  box.append(chart);
}

function askWithin(period) {
  if (!state.lastQuestion || state.busy) return;
  $("since").value = period;
  $("until").value = period;
  state.selected = period;
  ask(state.lastQuestion.question, { noHistory: true, filters: { since: period, until: period } });
}

/* ---- index status and indexing --------------------------------------------------------------------- */
function fact(list, name, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", { text: name }), el("dd", { text: String(value) }));
}

function renderStatus(status) {
  const box = $("status");
  const index = status.index || {};
  box.replaceChildren();
  box.dataset.state = index.state || "unknown";
  if (index.warning) box.append(el("p", { class: "warning", "data-testid": "status-warning", text: index.warning }));
  const facts = el("dl", { class: "facts" });
  fact(facts, "Account", index.account);
  if (index.tweets !== null && index.tweets !== undefined)
    fact(facts, "Tweets", `${index.tweets} in ${index.documents} documents`);
  if (index.first_date) fact(facts, "From", `${index.first_date} to ${index.last_date}`);
  fact(facts, "Embeddings", index.embed_model);
  fact(facts, "Chat model", index.chat_model);
  fact(facts, "Built", index.built_at ? new Date(index.built_at).toLocaleString() : null);
  fact(facts, "Where", index.location);
  box.append(facts);
  if (index.index_command) {
    const lead = ["missing", "empty"].includes(index.state)
      ? "Index your archive with the form below, or from a terminal:" : "To (re)index from a terminal:";
    box.append(el("p", { class: "muted", text: lead }),
      el("pre", { class: "command", "data-testid": "index-command", text: index.index_command }));
  }
  const warning = $("host-warning");
  warning.textContent = status.host_warning || "";
  warning.hidden = !status.host_warning;
  fillPrompts(status.prompts || [], status.default_prompt);
  renderIndexing(status.indexing);
}

async function refreshStatus() {
  try {
    const response = await fetch("/api/status");
    if (!response.ok) throw new Error(await errorOf(response));
    renderStatus(await response.json());
  } catch (error) {
    $("status").replaceChildren(el("p", { class: "error", text: error.message || String(error) }));
  }
}

function renderIndexing(job) {
  const box = $("indexing");
  if (!job || job.state === "idle") { box.hidden = true; return; }
  if (box.hidden) {
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }
  box.dataset.state = job.state;
  const bar = $("index-progress");
  if (job.fraction === null || job.fraction === undefined) bar.removeAttribute("value");
  else bar.value = job.fraction;
  $("index-message").textContent = job.message || "";
  for (const button of document.querySelectorAll(".index-form button")) button.disabled = job.state === "running";
  if (job.state === "running" && !state.indexPoll) {
    state.indexPoll = setInterval(pollIndexing, 400);
  } else if (job.state !== "running" && state.indexPoll) {
    clearInterval(state.indexPoll);
    state.indexPoll = null;
    refreshStatus();
  }
}

async function pollIndexing() {
  try {
    const response = await fetch("/api/index");
    if (response.ok) renderIndexing(await response.json());
  } catch { /* the next poll tries again */ }
}

async function startIndexing(request) {
  showError("");
  try {
    const response = await fetch(request.url, request.init);
    if (!response.ok) throw new Error(await errorOf(response));
    renderIndexing(await response.json());
  } catch (error) {
    showError(error.message || String(error));
  }
}

function uploadArchive(event) {
  event.preventDefault();
  const file = $("archive-file").files[0];
  if (!file) { showError("choose the archive zip first"); return; }
  const params = new URLSearchParams({ filename: file.name });
  if ($("recreate").checked) params.set("recreate", "true");
  renderIndexing({ state: "running", fraction: null, message: `uploading ${file.name}…` });
  startIndexing({ url: `/api/index/upload?${params}`,
    init: { method: "POST", headers: { "Content-Type": "application/zip" }, body: file } });
}

function indexPath(event) {
  event.preventDefault();
  const path = $("archive-path").value.trim();
  if (!path) { showError("give the path of the archive zip or folder"); return; }
  startIndexing({ url: "/api/index", init: { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path, recreate: $("recreate").checked }) } });
}

/* ---- wiring -------------------------------------------------------------------------------------- */
function init() {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("question").value;
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("stop").addEventListener("click", stopAnswer);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.answering) { event.preventDefault(); stopAnswer(); }
  });
  $("start-over").addEventListener("click", startOver);
  $("clear-filters").addEventListener("click", () => {
    for (const id of ["since", "until"]) $(id).value = "";
    for (const id of ["no-retweets", "no-replies"]) $(id).checked = false;
    state.selected = null;
    drawTimeline();
  });
  for (const radio of document.querySelectorAll('input[name="granularity"]')) {
    radio.addEventListener("change", () => {
      if (state.lastQuestion) loadTimeline(state.lastQuestion.question, state.lastQuestion.body);
    });
  }
  $("conversation").addEventListener("click", (event) => {
    const link = event.target.closest("a.cite");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1500);
  });
  $("upload-form").addEventListener("submit", uploadArchive);
  $("path-form").addEventListener("submit", indexPath);
  refreshStatus();
  $("question").focus();
}

document.addEventListener("DOMContentLoaded", init);
