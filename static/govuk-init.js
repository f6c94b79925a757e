// Loaded at the top of <body> by templates/govuk_frame.html, from a file so that the
// Content-Security-Policy can forbid inline script. GOV.UK Frontend's two steps:
// 1. mark the body so its styles for JavaScript-enhanced components apply (as template.njk does);
// 2. once the page is parsed, start its components from the module named in data-govuk-frontend.
(function () {
  var script = document.currentScript;
  var supported = 'noModule' in HTMLScriptElement.prototype;
  document.body.className += ' js-enabled' + (supported ? ' govuk-frontend-supported' : '');
  if (!supported || !script) return;
  var frontend = script.getAttribute('data-govuk-frontend');
  document.addEventListener('DOMContentLoaded', function () {
    import(frontend).then(function (module) { module.initAll(); });
  });
})();
