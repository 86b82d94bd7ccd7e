// The only script on the site: Pagefind's search UI, with the page's own strings, over the
// index's bundles in the page's language (one per year; see integrations/pagefind.mjs).
(function () {
  var element = document.getElementById('search');
  if (!element || !window.PagefindUI) return;
  fetch('/pagefind/shards.json')
    .then(function (response) {
      return response.json();
    })
    .then(function (byLanguage) {
      var bundles = byLanguage[document.documentElement.lang.toLowerCase()];
      if (!bundles) return;
      new window.PagefindUI({
        element: '#search',
        bundlePath: bundles[0],
        mergeIndex: bundles.slice(1).map(function (bundlePath) {
          return { bundlePath: bundlePath };
        }),
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        translations: JSON.parse(element.getAttribute('data-translations') || '{}'),
      });
    });
})();
