'use strict';
// The service page: a case goes to POST /v1/report and its report comes back as HTML, which is
// shown as the service wrote it (every value already escaped there). Served from the service
// itself, so the page works under a script-src 'self' policy.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('case-form');
  var text = document.getElementById('case');
  var example = document.getElementById('example');
  var upload = document.getElementById('upload');
  var status = document.getElementById('status');
  var report = document.getElementById('report');

  function say(message, error) {
    status.textContent = message;
    status.className = error ? 'error' : '';
  }

  function show(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    report.replaceChildren.apply(report, Array.from(doc.body.childNodes).map(function (n) {
      return document.importNode(n, true);
    }));
    report.querySelectorAll('button.try').forEach(function (b) {
      b.addEventListener('click', function () { tryValue(b.dataset.field, JSON.parse(b.dataset.value)); });
    });
  }

  // JSON opens with an object or an array; anything else is taken for CSV, whose header row
  // opens with a case path (the service names what is wrong with either)
  function isJson(body) {
    return /^\uFEFF?\s*[{[]/.test(body);
  }

  function submit() {
    if (!text.value.trim()) { say('Pick an example, upload a case or paste one first.', true); return; }
    say('Evaluating\u2026', false);
    var json = isJson(text.value);
    // trying a value edits the case as JSON, so only a JSON case asks for the values to try
    fetch(json ? '/v1/report?whatIf=true' : '/v1/report',
      {method: 'POST', headers: {'Content-Type': json ? 'application/json' : 'text/csv'}, body: text.value})
      .then(function (r) {
        if (r.ok) return r.text().then(function (html) { show(html); say('', false); });
        return r.json().then(function (e) {
          report.replaceChildren();
          say(e.errors && e.errors.length ? e.errors.join('\n') : e.error, true);
        });
      })
      .catch(function (e) { say('The service did not answer: ' + e, true); });
  }

  // sets a dotted path of the case (creating the objects on the way) and shows the new report
  function tryValue(path, value) {
    var c;
    try { c = JSON.parse(text.value); } catch (e) { say('The case is not JSON any more: ' + e.message, true); return; }
    var steps = path.split('.');
    var at = c;
    for (var i = 0; i < steps.length - 1; i++) {
      if (typeof at[steps[i]] !== 'object' || at[steps[i]] === null) at[steps[i]] = {};
      at = at[steps[i]];
    }
    at[steps[steps.length - 1]] = value;
    text.value = JSON.stringify(c, null, 2);
    submit();
  }

  example.addEventListener('change', function () {
    var o = example.selectedOptions[0];
    if (!o || !o.dataset.case) return;
    text.value = o.dataset.case;
    submit();
  });
  upload.addEventListener('change', function () {
    var f = upload.files[0];
    if (!f) return;
    f.text().then(function (t) { text.value = t; submit(); });
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });
});
