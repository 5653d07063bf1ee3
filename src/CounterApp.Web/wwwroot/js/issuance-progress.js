// Card step: while the issuance POST runs, poll the application's progress and show the card session's step.
// Only the step name travels; the PIN and password never leave the form post.
(function () {
  'use strict';
  const form = document.getElementById('card-form');
  if (!form) { return; }
  const url = form.dataset.progressUrl;
  const box = document.getElementById('card-progress');
  const bar = document.getElementById('card-progress-bar');
  const text = document.getElementById('card-progress-text');
  const order = ['ValidateInput', 'SelectApplication', 'VerifyCardPin', 'AuthenticateIssuer', 'GenerateKey', 'IssueCertificate', 'WriteCertificate', 'SetPassword'];
  const labels = JSON.parse(box.dataset.labels || '{}');
  form.addEventListener('submit', function () {
    box.hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    const poll = async function () {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const state = await response.json();
          if (state.step) {
            const index = order.indexOf(state.step);
            bar.value = Math.max(0, index);
            bar.max = order.length - 1;
            text.textContent = labels[state.step] || state.step;
          }
        }
      } catch (e) {
        // The page is navigating away with the POST's answer; nothing to show.
      }
      window.setTimeout(poll, 500);
    };
    window.setTimeout(poll, 300);
  });
})();
