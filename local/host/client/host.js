/*
 * The host page side of the local Forge host: what Jira's page does for app iframes. The in-frame
 * bridge (bridge.js) calls window.parent.__forgeHost for flags, modals, custom field submit/close,
 * events between frames and the project page's URL sub-path. All text is set with textContent.
 */
(function () {
  'use strict';
  var frames = {};
  var subscribers = {};

  // Acting user: the switcher stores it in a cookie the server reads (and `?as=` overrides).
  var select = document.getElementById('user-switch');
  if (select) {
    select.addEventListener('change', function () {
      document.cookie = 'forge_as=' + encodeURIComponent(select.value) + '; path=/; SameSite=Lax';
      var u = new URL(window.location.href);
      u.searchParams.delete('as');
      window.location.assign(u.toString());
    });
  }

  // Theme: `?theme=dark|light` on any host page switches the app frames (see bridge.js) and the
  // host's own chrome, and is kept in a cookie until switched again.
  var themeAsked = new URL(window.location.href).searchParams.get('theme');
  if (themeAsked === 'dark' || themeAsked === 'light') document.cookie = 'forge_theme=' + themeAsked + '; path=/; SameSite=Lax';
  var themeKept = /(?:^|;\s*)forge_theme=(\w+)/.exec(document.cookie);
  document.documentElement.setAttribute('data-color-mode', themeKept && themeKept[1] === 'dark' ? 'dark' : 'light');

  // Language: `?locale=de-DE` on any host page is the user's Jira language for the app frames (see
  // bridge.js), kept in a cookie until switched again (`?locale=en-US` switches back).
  var localeAsked = new URL(window.location.href).searchParams.get('locale');
  if (localeAsked && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(localeAsked)) document.cookie = 'forge_locale=' + localeAsked + '; path=/; SameSite=Lax';

  function iframeOf(win) {
    var all = document.querySelectorAll('iframe');
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === win) return all[i];
    return null;
  }

  function accountId() {
    return select ? select.value : 'admin';
  }

  var flagBox = document.getElementById('flags');
  function showFlag(o) {
    closeFlag(o.id);
    var el = document.createElement('div');
    el.className = 'flag ' + String(o.type || 'info');
    el.setAttribute('data-flag-id', String(o.id));
    var t = document.createElement('strong');
    t.textContent = String(o.title || '');
    el.appendChild(t);
    if (o.description) {
      var d = document.createElement('div');
      d.textContent = String(o.description);
      el.appendChild(d);
    }
    var x = document.createElement('button');
    x.type = 'button';
    x.textContent = 'Dismiss';
    x.className = 'edit';
    x.addEventListener('click', function () {
      el.remove();
    });
    el.appendChild(x);
    flagBox.appendChild(el);
    if (o.isAutoDismiss) setTimeout(function () { el.remove(); }, 8000);
  }
  function closeFlag(id) {
    var old = flagBox.querySelector('[data-flag-id="' + CSS.escape(String(id)) + '"]');
    if (old) old.remove();
  }

  // A dashboard gadget's edit view saves its configuration; the dashboard then shows the gadget's view.
  async function submitGadget(f, ext, payload) {
    var res = await fetch('/host/gadgets/' + encodeURIComponent(ext.gadget.id) + '/configuration', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload || {}),
    });
    if (!res.ok) throw new Error('Saving the gadget configuration failed (' + res.status + '): ' + (await res.text()));
    var u = new URL(window.location.href);
    u.searchParams.delete('edit');
    window.location.assign(u.toString());
    return true;
  }

  async function submit(frameId, payload) {
    var f = frames[frameId];
    var ext = f && f.boot.context && f.boot.context.extension;
    if (f && f.boot.moduleType === 'jira:dashboardGadget' && ext && ext.entryPoint === 'edit' && ext.gadget) return submitGadget(f, ext, payload);
    if (!f || f.boot.moduleType !== 'jira:customField' || !ext || ext.entryPoint !== 'edit') return false;
    var fields = {};
    fields[ext.fieldId] = payload;
    var res = await fetch('/jira/rest/api/3/issue/' + encodeURIComponent(ext.issue.key), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-account-id': f.boot.invokeContext.accountId },
      body: JSON.stringify({ fields: fields }),
    });
    if (!res.ok) {
      var text = await res.text();
      throw new Error('Saving the field failed (' + res.status + '): ' + text);
    }
    if (f.el) f.el.remove();
    window.location.reload();
    return true;
  }

  function close(frameId, payload) {
    var f = frames[frameId];
    if (!f) return false;
    if (f.modal) {
      f.modal.backdrop.remove();
      delete frames[frameId];
      if (typeof f.modal.onClose === 'function') f.modal.onClose(payload);
      return true;
    }
    var ext = f.boot.context && f.boot.context.extension;
    if (f.boot.moduleType === 'jira:customField' && ext && ext.entryPoint === 'edit') {
      if (f.el) f.el.remove();
      delete frames[frameId];
      return true;
    }
    return false;
  }

  var pendingModals = [];
  function openModal(openerId, invokeContext, p) {
    var opener = frames[openerId];
    var openerSrc = opener && opener.el ? new URL(opener.el.src) : null;
    var resource = p.resource || (openerSrc ? decodeURIComponent(openerSrc.pathname.split('/')[3] || '') : '');
    var q = new URLSearchParams({ module: invokeContext.moduleKey, as: invokeContext.accountId, modal: JSON.stringify(p.context || {}) });
    if (invokeContext.projectKey) q.set('project', invokeContext.projectKey);
    if (invokeContext.issueKey) q.set('issue', invokeContext.issueKey);
    var backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    var box = document.createElement('div');
    box.className = 'modal ' + (typeof p.size === 'string' ? p.size : '');
    box.setAttribute('role', 'dialog');
    if (p.title) {
      var h = document.createElement('h2');
      h.textContent = String(p.title);
      h.style.margin = '16px';
      box.appendChild(h);
    }
    var iframe = document.createElement('iframe');
    iframe.className = 'forge';
    iframe.title = String(p.title || 'Modal');
    iframe.style.minHeight = '300px';
    iframe.src = '/forge/resources/' + encodeURIComponent(resource) + '/index.html?' + q.toString();
    iframe.setAttribute('data-module', invokeContext.moduleKey);
    box.appendChild(iframe);
    backdrop.appendChild(box);
    var modal = { backdrop: backdrop, onClose: p.onClose };
    pendingModals.push({ iframe: iframe, modal: modal });
    function dismiss() {
      backdrop.remove();
      if (typeof p.onClose === 'function') p.onClose();
    }
    if (p.closeOnOverlayClick !== false) backdrop.addEventListener('click', function (e) { if (e.target === backdrop) dismiss(); });
    if (p.closeOnEscape !== false) document.addEventListener('keydown', function esc(e) { if (e.key === 'Escape') { document.removeEventListener('keydown', esc); dismiss(); } });
    document.body.appendChild(backdrop);
    return true;
  }

  function registerFrame(frameId, win, boot) {
    var el = iframeOf(win);
    var entry = { el: el, boot: boot };
    pendingModals = pendingModals.filter(function (m) {
      if (m.iframe === el) {
        entry.modal = m.modal;
        return false;
      }
      return true;
    });
    frames[frameId] = entry;
  }

  // Custom field editors open inline, like Jira's inline edit.
  document.addEventListener('click', function (e) {
    var btn = e.target && e.target.closest ? e.target.closest('button[data-edit-frame]') : null;
    if (!btn) return;
    var box = btn.nextElementSibling;
    if (!box || box.querySelector('iframe')) return;
    var iframe = document.createElement('iframe');
    iframe.className = 'forge';
    iframe.title = btn.textContent || 'Edit';
    iframe.src = btn.getAttribute('data-edit-frame');
    iframe.setAttribute('data-module', new URL(iframe.src).searchParams.get('module') || '');
    box.appendChild(iframe);
  });

  function basePath() {
    var m = /^(\/projects\/[^/]+\/apps\/[^/]+)/.exec(window.location.pathname);
    return m ? m[1] : '';
  }
  function setSubPath(base, sub, replace) {
    var url = base + (sub && sub !== '/' ? sub : '');
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }

  // Jira's workflow editor: Add/Update asks the rule's page for its configuration (the callback it
  // registered with workflowRules.onConfigure); undefined saves nothing, text is saved on the rule.
  var ruleCallback = null;
  function setRuleCallback(frameId, fn) {
    ruleCallback = fn;
  }
  document.addEventListener('click', function (e) {
    var btn = e.target && e.target.closest ? e.target.closest('button[data-rule-save]') : null;
    if (!btn) return;
    var result = btn.parentElement.querySelector('.rule-result');
    result.hidden = true;
    result.textContent = '';
    var fail = function (text) {
      result.textContent = text;
      result.hidden = false;
    };
    if (!ruleCallback) return fail('The configuration page has not registered with workflowRules.onConfigure: nothing was saved.');
    btn.disabled = true;
    Promise.resolve()
      .then(function () { return ruleCallback(); })
      .then(function (configuration) {
        if (configuration === undefined) {
          btn.disabled = false;
          return fail('The configuration page did not give a configuration: nothing was saved.');
        }
        return fetch('/workflow-rule/config', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ module: btn.getAttribute('data-module'), transitionId: btn.getAttribute('data-transition'), configuration: configuration }),
        }).then(function (res) {
          if (res.status === 204) return window.location.assign(btn.getAttribute('data-view'));
          btn.disabled = false;
          return res.json().then(function (body) { fail(body && body.error ? body.error : 'Saving failed (' + res.status + ').'); });
        });
      })
      .catch(function (err) {
        btn.disabled = false;
        fail('The configuration page failed: ' + (err && err.message ? err.message : String(err)));
      });
  });

  window.__forgeHost = {
    setRuleCallback: setRuleCallback,
    registerFrame: registerFrame,
    showFlag: showFlag,
    closeFlag: closeFlag,
    submit: submit,
    close: close,
    openModal: openModal,
    accountId: accountId,
    basePath: basePath,
    setSubPath: setSubPath,
    subscribe: function (event, cb) {
      (subscribers[event] = subscribers[event] || []).push(cb);
      return {
        unsubscribe: function () {
          subscribers[event] = (subscribers[event] || []).filter(function (x) { return x !== cb; });
        },
      };
    },
    publish: function (event, payload) {
      (subscribers[event] || []).slice().forEach(function (cb) {
        setTimeout(function () { cb(payload); }, 0);
      });
    },
  };

  // The issue page's status control: Jira's transitions as the acting user; a refusal (a workflow
  // validator's message among others) is shown as Jira shows it, and nothing moves.
  var transitionForm = document.querySelector('form.transition');
  if (transitionForm) {
    var issueKey = transitionForm.getAttribute('data-issue') || '';
    var picker = transitionForm.querySelector('select');
    var problem = transitionForm.querySelector('.transition-error');
    var jiraCall = function (method, body) {
      return fetch('/jira/rest/api/3/issue/' + encodeURIComponent(issueKey) + '/transitions', {
        method: method,
        headers: { 'Content-Type': 'application/json', 'X-Account-Id': accountId() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    };
    jiraCall('GET')
      .then(function (res) { return res.json(); })
      .then(function (data) {
        (data.transitions || []).forEach(function (t) {
          var option = document.createElement('option');
          option.value = String(t.id);
          option.textContent = String(t.to && t.to.name ? t.to.name : t.name);
          picker.appendChild(option);
        });
        transitionForm.setAttribute('data-ready', 'true');
      });
    transitionForm.addEventListener('submit', function (event) {
      event.preventDefault();
      problem.textContent = '';
      problem.hidden = true;
      jiraCall('POST', { transition: { id: picker.value } }).then(function (res) {
        if (res.status === 204) return window.location.reload();
        return res.json().then(function (body) {
          var messages = (body && body.errorMessages) || [];
          problem.textContent = messages.length > 0 ? messages.join(' ') : 'Jira refused the transition (' + res.status + ').';
          problem.hidden = false;
        });
      });
    });
  }
})();
