// Returns every text a person sees on the page: visible text nodes, the placeholder, title,
// aria-label and alt of visible elements, the values of input buttons, the chosen option of
// drop-downs, and the tab's title.
// Each entry is [text, where] with where a short CSS-like path of the element that shows it.
// Used by the browser tests (vn.directivetracker.browser.Pages).
return (function () {
  var out = [];
  var seen = {};
  function where(el) {
    var parts = [];
    for (var e = el, i = 0; e && e.nodeType === 1 && i < 3; e = e.parentElement, i++) {
      var part = e.tagName.toLowerCase();
      if (e.id) { part += '#' + e.id; }
      else if (typeof e.className === 'string' && e.className.trim()) {
        part += '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.');
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  }
  function add(text, el, kind) {
    text = (text || '').replace(/\s+/g, ' ').trim();
    if (!text) { return; }
    var w = (kind ? kind + ' of ' : '') + (el ? where(el) : 'page');
    var k = text + '\u0000' + w;
    if (seen[k]) { return; }
    seen[k] = true;
    out.push([text, w]);
  }
  function shown(el) {
    if (!el || el.nodeType !== 1) { return false; }
    if (typeof el.checkVisibility === 'function'
        && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) { return false; }
    var style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse'
        || parseFloat(style.opacity) === 0) { return false; }
    return anyRectShown(el.getClientRects(), el);
  }
  // A rectangle is shown when something of it is left after the ancestors that cut off their
  // overflow (hidden or clip: not reachable by scrolling) have cut it, e.g. a closed panel of height 0.
  function anyRectShown(rects, el) {
    for (var i = 0; i < rects.length; i++) {
      var r = {left: rects[i].left, right: rects[i].right, top: rects[i].top, bottom: rects[i].bottom};
      var fixed = false;
      for (var a = el; a && a !== document.body && !fixed; a = a.parentElement) {
        var style = getComputedStyle(a);
        fixed = style.position === 'fixed';
        if (a === el) { continue; }
        var box = a.getBoundingClientRect();
        if (/hidden|clip/.test(style.overflowX)) { r.left = Math.max(r.left, box.left); r.right = Math.min(r.right, box.right); }
        if (/hidden|clip/.test(style.overflowY)) { r.top = Math.max(r.top, box.top); r.bottom = Math.min(r.bottom, box.bottom); }
      }
      if (r.right - r.left > 1 && r.bottom - r.top > 1) { return true; }
    }
    return false;
  }
  function textShown(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    return anyRectShown(range.getClientRects(), node.parentElement);
  }
  var skip = {SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, HEAD: 1};
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var node;
  while ((node = walker.nextNode())) {
    var parent = node.parentElement;
    if (!parent || skip[parent.tagName] || !node.nodeValue.trim()) { continue; }
    if (parent.closest('script,style,noscript,template')) { continue; }
    if (shown(parent) && textShown(node)) { add(node.nodeValue, parent, ''); }
  }
  var elements = document.body.querySelectorAll('[placeholder],[title],[aria-label],[alt],input[type=button],input[type=submit],input[type=reset]');
  for (var j = 0; j < elements.length; j++) {
    var el = elements[j];
    if (!shown(el)) { continue; }
    ['placeholder', 'title', 'aria-label', 'alt'].forEach(function (name) {
      if (el.hasAttribute(name)) { add(el.getAttribute(name), el, name); }
    });
    if (el.tagName === 'INPUT' && /^(button|submit|reset)$/i.test(el.type)) { add(el.value, el, 'value'); }
  }
  // a drop-down shows its chosen option (options themselves have no box of their own)
  var selects = document.body.querySelectorAll('select');
  for (var k = 0; k < selects.length; k++) {
    var select = selects[k];
    if (shown(select) && select.selectedIndex >= 0) { add(select.options[select.selectedIndex].text, select, 'choice'); }
  }
  add(document.title, null, 'tab title');
  return out;
})();
