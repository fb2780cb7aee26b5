/*
 * The Custom UI bridge of the local host. Loaded inside each app iframe BEFORE the app's bundle, it
 * defines globalThis.__bridge.callBridge(command, payload), which the real @forge/bridge package
 * reads at import time. Commands and payload/response shapes follow @forge/bridge 7.x
 * (node_modules/@forge/bridge/out). Frames are same-origin with the host page, so host-level
 * effects (flags, modals, navigation, custom field submit) go through window.parent.__forgeHost.
 */
(function () {
  'use strict';
  var bootEl = document.getElementById('__forge_host_boot');
  var boot = bootEl ? JSON.parse(bootEl.textContent || '{}') : {};
  var context = boot.context || {};
  var invokeContext = boot.invokeContext || {};
  var frameId = boot.frameId || 'frame';
  var host = null;
  try {
    host = window.parent !== window && window.parent.__forgeHost ? window.parent.__forgeHost : null;
  } catch (e) {
    host = null;
  }
  if (boot.error) console.error('[local host] ' + boot.error);

  // The user's Jira theme. Jira puts it in the context (theme.colorMode) and, once the app calls
  // view.theme.enable(), sets data-color-mode/data-theme on the frame's <html>. Locally the host
  // page's `?theme=dark|light` (host.js keeps it in a cookie across navigation) stands for the
  // user's choice.
  var colorMode = themeFromHost() || (context.theme && context.theme.colorMode) || 'light';
  context.theme = { colorMode: colorMode };
  function themeFromHost() {
    try {
      var asked = new URL(window.top.location.href).searchParams.get('theme');
      if (!asked) {
        var m = /(?:^|;\s*)forge_theme=(\w+)/.exec(document.cookie);
        asked = m ? m[1] : null;
      }
      return asked === 'dark' || asked === 'light' ? asked : null;
    } catch (e) {
      return null;
    }
  }

  // The user's Jira language (context.locale, e.g. de-DE). Locally the host page's `?locale=de-DE`
  // (host.js keeps it in a cookie across navigation) stands for the user's profile setting.
  var locale = localeFromHost();
  if (locale) context.locale = locale;
  function localeFromHost() {
    try {
      var asked = new URL(window.top.location.href).searchParams.get('locale');
      if (!asked) {
        var m = /(?:^|;\s*)forge_locale=([\w-]+)/.exec(document.cookie);
        asked = m ? m[1] : null;
      }
      return asked && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(asked) ? asked.replace('_', '-') : null;
    } catch (e) {
      return null;
    }
  }

  function jsonOrText(text) {
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      return text;
    }
  }

  async function invoke(p) {
    var res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-account-id': invokeContext.accountId || '' },
      body: JSON.stringify({ functionKey: p.functionKey, payload: p.payload, context: invokeContext }),
    });
    var body = jsonOrText(await res.text());
    if (!res.ok) {
      var failed = body && typeof body === 'object' ? body : {};
      var msg = typeof failed.error === 'string' && failed.error ? failed.error : 'invoke ' + p.functionKey + ' failed: ' + res.status;
      // As Forge hands a resolver's error to the frontend: its message behind the error's name.
      var err = new Error('There was an error invoking the function - ' + (typeof failed.name === 'string' && failed.name ? failed.name : 'Error') + ': ' + msg);
      if (typeof failed.code === 'string') err.code = failed.code;
      err.status = res.status;
      throw err;
    }
    // With metadata, @forge/bridge expects { body, metadata }.
    return p.metadata ? { body: body, metadata: {} } : body;
  }

  async function fetchProduct(p) {
    if (p.product !== 'jira') throw new Error('The local host emulates Jira only, not ' + p.product);
    var init = p.fetchRequestInit || {};
    var headers = {};
    (init.headers || []).forEach(function (pair) {
      headers[pair[0]] = pair[1];
    });
    // Requests from the frontend act as the viewing user, like Jira's own session would.
    headers['x-account-id'] = invokeContext.accountId || '';
    var method = (init.method || 'GET').toUpperCase();
    var res = await fetch('/jira' + p.restPath, { method: method, headers: headers, body: method === 'GET' || method === 'HEAD' ? undefined : init.body });
    var outHeaders = {};
    res.headers.forEach(function (v, k) {
      outHeaders[k] = v;
    });
    return { body: await res.text(), headers: outHeaders, status: res.status, statusText: res.statusText, isAttachment: false };
  }

  function urlFor(location) {
    if (typeof location === 'string') return new URL(location, window.top.location.origin).toString();
    var o = window.top.location.origin;
    var project = location.projectKey || (context.extension && context.extension.project && context.extension.project.key) || 'MSP';
    switch (location.target) {
      case 'issue':
        return o + '/browse/' + encodeURIComponent(location.issueKey);
      case 'module':
        return o + '/projects/' + encodeURIComponent(project) + '/apps/' + encodeURIComponent(location.moduleKey);
      case 'projectSettingsDetails':
        return o + '/projects/' + encodeURIComponent(location.projectKey || project) + '/apps/settings';
      case 'dashboard':
        return o + '/';
      default:
        return o + '/';
    }
  }

  function navigate(p) {
    var url = urlFor(p.url !== undefined ? p.url : p);
    if (p.type === 'new-tab') window.top.open(url, '_blank', 'noopener');
    else window.top.location.assign(url);
  }

  // A memory history kept in step with the host page's URL (project pages have sub-paths).
  function createHistory() {
    var listeners = [];
    var base = (host && host.basePath && host.basePath()) || '';
    function loc(path, state) {
      var u = new URL(path || '/', 'http://x');
      return { pathname: u.pathname, search: u.search, hash: u.hash, state: state, key: String(Date.now()) };
    }
    var history = {
      action: 'POP',
      location: loc(boot.subPath || '/'),
      length: 1,
      listen: function (cb) {
        listeners.push(cb);
        return function () {
          listeners = listeners.filter(function (l) {
            return l !== cb;
          });
        };
      },
    };
    function go(action, path, state) {
      var l = typeof path === 'string' ? loc(path, state) : loc((path.pathname || '/') + (path.search || '') + (path.hash || ''), state);
      history.action = action;
      history.location = l;
      if (host && base) host.setSubPath(base, l.pathname + l.search + l.hash, action === 'REPLACE');
      listeners.slice().forEach(function (cb) {
        cb(l, action);
      });
    }
    history.push = function (p, s) {
      go('PUSH', p, s);
    };
    history.replace = function (p, s) {
      go('REPLACE', p, s);
    };
    history.go = function (n) {
      window.top.history.go(n);
    };
    history.back = function () {
      window.top.history.back();
    };
    history.forward = function () {
      window.top.history.forward();
    };
    return history;
  }

  var localSubscriptions = [];
  function subscribe(p) {
    var sub = host ? host.subscribe(p.event, p.callback) : { unsubscribe: function () {} };
    localSubscriptions.push(sub);
    return sub;
  }
  function publish(p) {
    if (host) host.publish(p.event, p.payload);
  }

  var handlers = {
    invoke: invoke,
    getContext: function () {
      return JSON.parse(JSON.stringify(context));
    },
    fetchProduct: fetchProduct,
    fetchRemote: function () {
      throw new Error('requestRemote is not emulated by the local host');
    },
    navigate: navigate,
    getUrl: function (l) {
      return urlFor(l);
    },
    reload: function () {
      window.top.location.reload();
    },
    showFlag: function (o) {
      if (host) host.showFlag(o);
      return true;
    },
    closeFlag: function (p) {
      if (host) host.closeFlag(p.id);
      return true;
    },
    submit: function (payload) {
      return host ? host.submit(frameId, payload) : false;
    },
    close: function (payload) {
      return host ? host.close(frameId, payload) : false;
    },
    onClose: function () {
      return true;
    },
    open: function () {
      return false;
    },
    refresh: function () {
      return false;
    },
    openModal: function (p) {
      return host ? host.openModal(frameId, invokeContext, p) : false;
    },
    createHistory: createHistory,
    // @forge/jira-bridge workflowRules.onConfigure: the host page's Add/Update button calls it.
    setWorkflowRuleConfigurationCallback: function (p) {
      var fn = p && p.data && p.data.onConfigure;
      if (!host || typeof fn !== 'function' || boot.moduleType.indexOf('jira:workflow') !== 0) return false;
      host.setRuleCallback(frameId, fn);
      return true;
    },
    enableTheming: function () {
      document.documentElement.setAttribute('data-color-mode', colorMode);
      document.documentElement.setAttribute('data-theme', 'light:light dark:dark spacing:spacing typography:typography');
    },
    changeWindowTitle: function (t) {
      window.top.document.title = String(t);
    },
    emit: publish,
    emitPublic: publish,
    on: subscribe,
    onPublic: subscribe,
    getFrameId: function () {
      return frameId;
    },
    emitReadyEvent: function () {},
    getFrameDispatch: function () {
      return undefined;
    },
    emitFrontendCustomMetric: function () {},
    trackObjectStoreAction: function () {},
    isRovoEnabled: function () {
      return false;
    },
    getCookieConsentPreferences: function () {
      return null;
    },
    initFeatureFlags: function () {
      return {};
    },
  };

  globalThis.__bridge = {
    callBridge: function (command, payload) {
      var h = handlers[command];
      if (!h) return Promise.reject(new Error('The local Forge host does not support the bridge command "' + command + '"'));
      try {
        return Promise.resolve(h(payload));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };

  if (host) host.registerFrame(frameId, window, boot);

  // Jira sizes panel iframes to their content; the project page frame fills the page instead.
  // Apps often set `html, body { height: 100% }` (Atlaskit's CSS reset does), so the body never
  // grows with its content: measure and observe the body's children as well.
  if (boot.autoResize && window.frameElement) {
    var resize = function () {
      var content = 0;
      var children = document.body ? document.body.children : [];
      for (var i = 0; i < children.length; i++) content = Math.max(content, children[i].getBoundingClientRect().bottom);
      var h = content > 0 ? Math.ceil(content + window.scrollY) : Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
      window.frameElement.style.height = h + 'px';
    };
    window.addEventListener('load', resize);
    if (typeof ResizeObserver !== 'undefined') {
      document.addEventListener('DOMContentLoaded', function () {
        var observer = new ResizeObserver(resize);
        observer.observe(document.body);
        for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]);
      });
    }
  }
})();
