/** A built item page, as the site writes it, for the search tests. */
export const itemPage = (
  o: { lang?: string; id?: string; title?: string; body?: string } = {},
) => `<!doctype html><html lang="${o.lang ?? 'en'}"><head>
<link rel="canonical" href="https://site.example/en/press-releases/budget/"><meta property="og:image" content="https://cms.example/uploads/a.jpg"></head>
<body><article class="item item-release" data-pagefind-body data-type="release" data-document="${o.id ?? 'doc1'}">
<span hidden data-pagefind-filter="Section:Press releases"></span><span hidden data-person="Driton Gashi"></span>
<span hidden data-pagefind-sort="date:2026-11-27T14:00:00.000Z"></span>
<header><p class="kicker">Press release</p><h1>${o.title ?? 'Budget approved'}</h1></header>
<p class="summary">The summary.</p><div class="prose"><p>${o.body ?? 'Body text.'}</p></div>
<p class="tags">Topics: <a href="/en/tags/budget/">Budget</a></p></article></body></html>`;
