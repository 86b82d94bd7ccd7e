// The only script on the site: Pagefind's search UI, with the page's own strings.
(function () {
  var element = document.getElementById('search');
  if (!element || !window.PagefindUI) return;
  new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: JSON.parse(element.getAttribute('data-translations') || '{}'),
  });
})();
