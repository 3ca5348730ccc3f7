// The search page: our own small interface on Pagefind's JS API (docs/search.md).
// Query and ticked facets live in the URL (?q=barn&theme=data&theme=helse), so a search can be
// shared and the back button steps through it. UI text comes from data-t-* attributes of
// .search-app, rendered from floke/i18n.py; facet labels come from the rendered checkboxes.

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 30;
const FOLD_MARK = "⁂"; // floke/search_views.py: the folded words that follow it are never shown

const root = document.querySelector(".search-app");
if (root) start(root);

async function start(root) {
  const form = root.querySelector("form");
  const input = form.querySelector("#search-q");
  const status = root.querySelector("#search-status");
  const list = root.querySelector(".result-list");
  const more = root.querySelector(".search-more");
  const text = root.dataset;
  const facets = [...root.querySelectorAll("fieldset[data-facet]")].map((fieldset) => ({
    name: fieldset.dataset.facet,
    boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
  }));
  const labels = Object.fromEntries(facets.map((f) => [
    f.name,
    Object.fromEntries(f.boxes.map((box) => [box.value, box.parentElement.querySelector(".facet-label").textContent])),
  ]));
  root.querySelector(".search-facets").hidden = false;
  root.querySelector(".search-results").hidden = false;

  let pagefind;
  try {
    pagefind = await import(text.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: text.base });
    await pagefind.init();
  } catch (error) {
    status.textContent = text.tFailed;
    console.error(error);
    return;
  }

  let serial = 0;
  let lastChange = null;
  let remaining = [];
  // Every facet's data (and with it every count) is most of what a first search would download,
  // so it is loaded only once a reader ticks a facet or reaches the facets (pointer or keyboard).
  // Until then the facets show no counts. Without it, a search counts only the facets it filters on.
  let totals = null;

  function loadFacetData() {
    totals ??= pagefind.filters();
    return totals;
  }

  async function showFacetData() {
    if (totals) return;
    await loadFacetData();
    const state = stateFromForm();
    const mine = serial;
    const counts = await countsOf(state);
    if (mine === serial) showCounts(counts, state);
  }

  function stateFromURL() {
    const params = new URLSearchParams(location.search);
    return {
      q: params.get("q") || "",
      filters: Object.fromEntries(facets.map((f) => [f.name, params.getAll(f.name)])),
    };
  }

  function stateFromForm() {
    return {
      q: input.value,
      filters: Object.fromEntries(facets.map((f) => [f.name, f.boxes.filter((b) => b.checked).map((b) => b.value)])),
    };
  }

  function showState(state) {
    input.value = state.q;
    for (const f of facets) for (const box of f.boxes) box.checked = state.filters[f.name].includes(box.value);
  }

  function queryString(state) {
    const params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    for (const f of facets) for (const value of state.filters[f.name]) params.append(f.name, value);
    const query = params.toString();
    return query ? "?" + query : location.pathname;
  }

  // Typing replaces its own history entry; a new query after a facet change, or a facet change, adds one.
  function commit(kind) {
    const state = stateFromForm();
    const target = queryString(state);
    if (target !== (location.search || location.pathname)) {
      if (kind === "typing" && lastChange === "typing") history.replaceState(null, "", target);
      else history.pushState(null, "", target);
      lastChange = kind;
    }
    run(state);
  }

  function pagefindFilters(state, except) {
    const filters = {};
    for (const [name, values] of Object.entries(state.filters)) {
      if (values.length && name !== except) filters[name] = { any: values };
    }
    return filters;
  }

  async function run(state) {
    const mine = ++serial;
    const query = state.q.trim() || null;
    const filters = pagefindFilters(state);
    // Pagefind counts only the filters whose data it holds: load them before a filtered search.
    if (Object.keys(filters).length) await loadFacetData();
    if (!query && !Object.keys(filters).length) {
      const counts = totals && (await countsOf(state));
      if (mine !== serial) return;
      showCounts(counts, state);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = text.tPrompt;
      return;
    }
    const search = await pagefind.search(query, { filters });
    const counts = totals && (await countsOf(state, search));
    if (mine !== serial) return;
    showCounts(counts, state);
    list.replaceChildren();
    remaining = search.results;
    await showMore(mine);
    if (mine !== serial) return;
    const n = search.results.length;
    status.textContent = n === 0 ? text.tCountNone : n === 1 ? text.tCountOne : text.tCountMany.replace("{n}", n);
  }

  // The counts of every facet for state (null: facet data not loaded). A facet's own counts ignore
  // its own ticks, so its other values show what ticking them adds.
  async function countsOf(state, search) {
    const all = await totals;
    const query = state.q.trim() || null;
    const filters = pagefindFilters(state);
    if (!query && !Object.keys(filters).length) return all;
    const counts = { ...(search || (await pagefind.search(query, { filters }))).filters };
    for (const name of Object.keys(filters)) {
      const without = await pagefind.search(query, { filters: pagefindFilters(state, name) });
      counts[name] = without.filters[name];
    }
    return counts;
  }

  async function showMore(mine) {
    const batch = remaining.slice(0, PAGE_SIZE);
    remaining = remaining.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (mine !== serial) return;
    list.append(...data.map(resultItem));
    more.hidden = remaining.length === 0;
  }

  // Without counts (facet data not loaded yet) every value shows, without a number.
  function showCounts(counts, state) {
    for (const f of facets) {
      for (const box of f.boxes) {
        const n = counts ? (counts[f.name] || {})[box.value] || 0 : null;
        box.parentElement.querySelector(".facet-count").textContent = n === null ? "" : `(${n})`;
        box.closest("li").hidden = n === 0 && !state.filters[f.name].includes(box.value);
      }
    }
  }

  function resultItem(data) {
    const item = element("li", "result");
    const recordLang = (data.filters.language || [])[0];
    const foreign = recordLang && recordLang !== document.documentElement.lang ? recordLang : null;
    const heading = element("h3", "result-title");
    const link = element("a");
    link.href = data.meta.url ? text.base + data.meta.url.replace(/^\//, "") : data.url;
    link.textContent = data.meta.title;
    heading.append(link);
    if (foreign) heading.lang = foreign;
    const meta = element("p", "card-meta");
    const type = (data.filters.type || [])[0];
    if (type) meta.append(element("span", "tag", labels.type[type] || type));
    if (data.meta.context) {
      const context = element("span", null, data.meta.context);
      if (foreign) context.lang = foreign;
      meta.append(element("span", null, text.tLessonIn + " "), context);
    }
    const excerpt = excerptOf(data);
    if (foreign) excerpt.lang = foreign;
    item.append(heading, meta, excerpt);
    return item;
  }

  more.addEventListener("click", () => showMore(serial));
  const facetPanel = root.querySelector(".search-facets");
  for (const event of ["pointerenter", "focusin"]) facetPanel.addEventListener(event, showFacetData, { once: true });
  input.addEventListener("input", debounce(() => commit("typing"), DEBOUNCE_MS));
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") commit("facet");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commit("submit");
  });
  window.addEventListener("popstate", () => {
    const state = stateFromURL();
    showState(state);
    lastChange = null;
    run(state);
  });

  const initial = stateFromURL();
  showState(initial);
  run(initial);
}

// An excerpt around the first match in the page's own text, matches marked; the folded words
// after FOLD_MARK only help finding, so they are never shown.
function excerptOf(data) {
  const words = data.content.split(/\s+/);
  let end = words.indexOf(FOLD_MARK);
  if (end < 0) end = words.length;
  const hits = new Set(data.locations.filter((at) => at < end));
  const first = hits.size ? Math.min(...hits) : 0;
  const from = Math.max(0, first - 8);
  const to = Math.min(end, from + EXCERPT_WORDS);
  const paragraph = element("p", "result-excerpt");
  if (from > 0) paragraph.append("… ");
  for (let at = from; at < to; at++) {
    paragraph.append(hits.has(at) ? element("mark", null, words[at]) : words[at]);
    if (at + 1 < to) paragraph.append(" ");
  }
  if (to < end) paragraph.append(" …");
  return paragraph;
}

function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function debounce(action, wait) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}
