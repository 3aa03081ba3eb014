// Full-text search over the Pagefind index that `mouarchive build` writes to /pagefind/, in parts.
// Loaded only by the search page. The page works as a plain form without it; with it, results
// appear as you type, can be narrowed by topic, party, year, kind and language, and the address
// keeps the query so a search can be shared.
//
// One index serves every interface language of the site: each agreement and document is in it once
// (search.py), filed under filters named for each interface (`topic@zh-Hant`), so the choices each
// filter offers, and their counts, are this interface's alone; its result labels are named so too
// (`kind@zh-Hant`). A record's address is the same below every interface's root, and results are
// asked for under this interface's root, so they lead to pages in the reader's language. The words
// this script shows come from the page (data-attributes of #search-status), so they are in its
// language. Addresses use the plain names (?topic=).

const siteRoot = new URL("../", import.meta.url); // this file lives in <site>/static/
const FILTERS = Array.from(document.querySelectorAll("#search-form select"), (select) => select.name);
const PAGE_SIZE = 20;

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const words = status.dataset;
const ui = words.ui || document.documentElement.lang;

function key(name) {
  return `${name}@${ui}`;
}

function say(message, values = {}) {
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

let pagefind = null;
let hidden = {}; // records the index's parts hold in an earlier version (parts.json), by Pagefind id
let results = [];
let shown = 0;
let latest = 0;

function selectFor(name) {
  return document.getElementById(`filter-${name}`);
}

function chosenFilters() {
  const filters = {};
  for (const name of FILTERS) {
    const value = selectFor(name).value;
    if (value) filters[name] = value;
  }
  return filters;
}

// The filters as the index names them for this interface.
function indexFilters(filters) {
  const keyed = {};
  for (const [name, value] of Object.entries(filters)) keyed[key(name)] = value;
  return keyed;
}

// After an edit the index may have a part of the edited records (search.py, EDITS), whose earlier
// versions the other parts still hold until they are indexed again: parts.json names those by
// their Pagefind id, with the filter values each is counted under. Each hidden id takes away one
// result with that id (the first, as Pagefind may find the same record, unchanged, in both).
function current(found) {
  const left = new Set(Object.keys(hidden));
  return found.filter((result) => !left.delete(result.id));
}

function currentCounts(available) {
  for (const filters of Object.values(hidden)) {
    for (const [name, values] of Object.entries(filters)) {
      for (const value of values) {
        if (available[name]?.[value] > 0) available[name][value] -= 1;
        if (available[name]?.[value] === 0) delete available[name][value];
      }
    }
  }
  return available;
}

function fillFilters(available, params) {
  for (const name of FILTERS) {
    const select = selectFor(name);
    const values = Object.entries(available[key(name)] || {});
    const newest = "newestFirst" in select.dataset; // a date's filter (search.html)
    values.sort((a, b) => (newest ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0])));
    for (const [value, count] of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${count})`;
      select.append(option);
    }
    select.value = params.get(name) || "";
    select.closest(".filter").hidden = values.length === 0;
  }
}

// Pagefind's excerpts mark matches with <mark>; keep those and nothing else.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push(document.createTextNode(node.textContent));
    } else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = document.createElement("a");
  link.href = new URL(data.url, location.href).href; // data.url starts with this interface's root
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result-meta";
  meta.textContent = [data.meta[key("kind")], data.meta[key("date")], data.meta.parties]
    .filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(heading, meta, excerpt);
  return item;
}

async function showMore() {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const items = await Promise.all(batch.map((result) => result.data()));
  for (const data of items) list.append(resultItem(data));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

function remember(term, filters) {
  const params = new URLSearchParams();
  if (term) params.set("q", term);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

async function run(immediate) {
  const term = input.value.trim();
  const filters = chosenFilters();
  remember(term, filters);
  const ticket = ++latest;
  if (!term && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = words.prompt;
    return;
  }
  const options = { filters: indexFilters(filters) };
  const search = immediate
    ? await pagefind.search(term || null, options)
    : await pagefind.debouncedSearch(term || null, options, 250);
  if (search === null || ticket !== latest) return; // a newer search has started
  results = current(search.results);
  shown = 0;
  list.replaceChildren();
  await showMore();
  const count = results.length;
  const message = count === 0 ? words.none
    : term ? (count === 1 ? words.oneFor : words.manyFor) : (count === 1 ? words.one : words.many);
  status.textContent = say(message, { count, term });
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  try {
    // The index comes in parts (search.py): the first is loaded, the others merged into it.
    const bundle = new URL("pagefind/", siteRoot);
    const listed = await (await fetch(new URL("parts.json", bundle))).json();
    const parts = listed.parts;
    hidden = listed.hidden || {};
    const baseUrl = new URL(words.root, location.href).pathname;
    pagefind = await import(new URL(`${parts[0]}/pagefind.js`, bundle).href);
    await pagefind.options({ baseUrl });
    await pagefind.init();
    await Promise.all(parts.slice(1).map(
      (part) => pagefind.mergeIndex(new URL(`${part}/`, bundle).pathname, { baseUrl })));
    fillFilters(currentCounts(await pagefind.filters()), params);
  } catch (error) {
    status.textContent = words.unavailable;
    return;
  }
  document.getElementById("search-needs-js").hidden = true;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  input.addEventListener("input", () => run(false));
  for (const name of FILTERS) selectFor(name).addEventListener("change", () => run(true));
  more.addEventListener("click", () => showMore());
  await run(true);
}

start();
