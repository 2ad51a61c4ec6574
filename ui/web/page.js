// The page around the classroom canvas (prepended to index.js): the link's scene,
// the cluster database kept in IndexedDB, and the toolbar (Open, Save, Compose,
// Reset, file drop). Everything the class sees inside the canvas is C++.
(function () {
  'use strict';
  // #lesson=todo-list&step=3&lang=ko, #preset=NAME, #stack=URL-ENCODED-YAML[&name=STACK]
  var params = new URLSearchParams(location.hash.slice(1));
  var flags = [['lang', '--lang'], ['lesson', '--lesson'], ['step', '--step'], ['preset', '--preset'],
               ['stack', '--stack'], ['name', '--stack-name']];
  var args = [];
  flags.forEach(function (f) { if (params.has(f[0])) args.push(f[1], params.get(f[0])); });
  Module.arguments = args;
  var lang = params.get('lang') === 'ko' ? 'ko' : 'en';
  // A link's scene is built once: a reload keeps the student's own cluster.
  if (params.has('lesson') || params.has('preset') || params.has('stack')) {
    history.replaceState(null, '', location.pathname + location.search + (lang === 'ko' ? '#lang=ko' : ''));
  }
  window.addEventListener('hashchange', function () { location.reload(); });

  var stateDir = '/persist';
  Module.preRun = (Module.preRun || []).concat(function () {
    FS.mkdir(stateDir);
    try {
      FS.mount(IDBFS, {}, stateDir);
    } catch (e) {
      return;  // no IndexedDB: the cluster lives in memory only
    }
    addRunDependency('swarmsim-state');
    FS.syncfs(true, function (err) {
      if (err) console.warn('swarmsim: the saved cluster could not be read', err);
      removeRunDependency('swarmsim-state');
    });
  });
  var syncing = false, again = false;
  Module.swarmsimPersist = function () {
    if (syncing) { again = true; return; }
    syncing = true;
    FS.syncfs(false, function () {
      syncing = false;
      if (again) { again = false; Module.swarmsimPersist(); }
    });
  };
  Module.onRuntimeInitialized = function () {
    var loading = document.getElementById('loading');
    if (loading) loading.remove();
  };

  function $(id) { return document.getElementById(id); }
  function say(text) { $('status').textContent = text; }
  function ko(en, kr) { return lang === 'ko' ? kr : en; }
  if (lang === 'ko') {
    document.documentElement.lang = 'ko';
    document.querySelectorAll('[data-ko]').forEach(function (e) { e.textContent = e.getAttribute('data-ko'); });
  }
  // GLFW listens for keys on the whole window and swallows some: keep the
  // editor's keys to the editor.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    $('editor').addEventListener(type, function (e) { e.stopPropagation(); });
  });

  function run(line) { Module.ccall('swarmsim_run', null, ['string'], [line]); }
  function quote(word) { return /^[\w.\/-]+$/.test(word) ? word : "'" + word.replace(/'/g, '') + "'"; }
  function baseName(name) { return (name.split(/[\\/]/).pop() || 'file').replace(/[^\w.-]/g, '_'); }

  // A saved database replaces the cluster; a compose file opens in the editor.
  function openFile(file) {
    file.arrayBuffer().then(function (buffer) {
      var name = baseName(file.name);
      FS.writeFile('/' + name, new Uint8Array(buffer));
      var kind = Module.ccall('swarmsim_open_file', 'string', ['string'], ['/' + name]);
      if (kind === 'database') {
        say(ko('Opened the cluster ', '클러스터를 열었습니다: ') + name);
      } else if (kind === 'file') {
        $('editor-file').value = name;
        $('editor-stack').value = name.replace(/\.[^.]*$/, '').replace(/[^\w-]/g, '') || 'demo';
        $('editor-text').value = new TextDecoder().decode(buffer);
        $('editor').showModal();
        say(name + ko(': stack deploy -c ' + name + ' STACK', ' : stack deploy -c ' + name + ' 스택'));
      } else {
        say(ko('Could not open ', '열 수 없습니다: ') + name);
      }
    });
  }

  window.addEventListener('load', function () {
    $('open').onclick = function () { $('file').click(); };
    $('file').onchange = function () { if (this.files[0]) openFile(this.files[0]); this.value = ''; };
    $('save').onclick = function () {
      var path = Module.ccall('swarmsim_state_path', 'string', [], []);
      var blob = new Blob([FS.readFile(path)], { type: 'application/vnd.sqlite3' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'cluster.db';
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      say(ko('Saved cluster.db: swarmsim load cluster.db reads it on a desktop',
             'cluster.db 저장: 데스크톱에서 swarmsim load cluster.db 로 엽니다'));
    };
    $('compose').onclick = function () { $('editor').showModal(); };
    $('editor').addEventListener('close', function () {
      if ($('editor').returnValue !== 'deploy') return;
      var name = baseName($('editor-file').value || 'compose.yml');
      FS.writeFile('/' + name, $('editor-text').value);
      run('stack deploy -c ' + quote(name) + ' ' + quote($('editor-stack').value || 'demo'));
    });
    $('reset').onclick = function () {
      if (confirm(ko('Start over with a new cluster?', '새 클러스터로 처음부터 시작할까요?'))) {
        Module.ccall('swarmsim_reset', null, [], []);
        say('');
      }
    };
    document.addEventListener('dragover', function (e) { e.preventDefault(); document.body.classList.add('dropping'); });
    document.addEventListener('dragleave', function () { document.body.classList.remove('dropping'); });
    document.addEventListener('drop', function (e) {
      e.preventDefault();
      document.body.classList.remove('dropping');
      if (e.dataTransfer.files[0]) openFile(e.dataTransfer.files[0]);
    });
  });

  // For tests, benchmarks and the curious: what is on the board, and a command
  // run as if typed in the console.
  window.swarmsim = {
    summary: function () { return JSON.parse(Module.ccall('swarmsim_summary', 'string', [], [])); },
    run: run,
    resetFrameStats: function () { Module.ccall('swarmsim_reset_frame_stats', null, [], []); },
  };
})();
