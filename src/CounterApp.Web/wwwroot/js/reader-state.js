// Live card-reader state for <ReaderStatus> (Features/Readers/ReaderStatus.razor): every element with a
// data-reader-state URL is refreshed from that endpoint every 2 s. When the state changes, a
// "counterapp:reader-state" event (detail: the JSON plus counterId) is dispatched on document, so a card step can
// react to a card being inserted or removed without reloading.
(() => {
  'use strict';
  const intervalMs = 2000;
  const flag = (value) => (value ? 'true' : 'false');

  function setBadge(root, name, on) {
    const badge = root.querySelector(`[data-badge="${name}"]`);
    if (!badge) {
      return;
    }
    badge.dataset.on = flag(on);
    const state = badge.querySelector('[data-badge-state]');
    if (state) {
      state.textContent = on ? root.dataset.textOn : root.dataset.textOff;
    }
  }

  function apply(root, state) {
    const before = [root.dataset.agentConnected, root.dataset.readerPresent, root.dataset.cardPresent, root.dataset.simulated].join();
    root.dataset.agentConnected = flag(state.agentConnected);
    root.dataset.readerPresent = flag(state.readerPresent);
    root.dataset.cardPresent = flag(state.cardPresent);
    root.dataset.simulated = flag(state.simulated);
    setBadge(root, 'agent', state.agentConnected);
    setBadge(root, 'reader', state.readerPresent);
    setBadge(root, 'card', state.cardPresent);
    const reader = root.querySelector('[data-reader-name]');
    if (reader) {
      reader.title = state.readerName || '';
    }
    const simulated = root.querySelector('[data-badge="simulated"]');
    if (simulated) {
      simulated.hidden = !state.simulated;
    }
    const label = root.querySelector('[data-reader-label]');
    if (label && label.textContent !== state.label) {
      label.textContent = state.label;
    }
    const after = [root.dataset.agentConnected, root.dataset.readerPresent, root.dataset.cardPresent, root.dataset.simulated].join();
    if (before !== after) {
      document.dispatchEvent(new CustomEvent('counterapp:reader-state', { detail: { ...state, counterId: Number(root.dataset.counterId) } }));
    }
  }

  async function poll(root) {
    try {
      // X-Reader-Poll lets the server tell background polling from a clerk's action (e.g. not to extend an idle session).
      const response = await fetch(root.dataset.readerState, {
        headers: { Accept: 'application/json', 'X-Reader-Poll': '1' },
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      apply(root, await response.json());
      root.dataset.stale = 'false';
    } catch {
      root.dataset.stale = 'true';
    }
  }

  function start() {
    document.querySelectorAll('[data-reader-state]').forEach((root) => {
      let busy = false;
      setInterval(async () => {
        if (busy || document.hidden) {
          return;
        }
        busy = true;
        try {
          await poll(root);
        } finally {
          busy = false;
        }
      }, intervalMs);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
