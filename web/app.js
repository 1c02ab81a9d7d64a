// The page: a header with the three sides (the clerk's submissions, the county review, the
// archivist's verify) and the language switch; the view is chosen by the address's #hash,
// so the browser's back button and bookmarks work.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, setApiLang } from './api.js';
import { County } from './county.js';
import { initialLang, saveLang, WORDS } from './i18n.js';
import { List } from './list.js';
import { Submission } from './submission.js';
import { ErrorBox, html } from './ui.js';
import { Verify } from './verify.js';

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 's' && parts[1]) return { view: 'submission', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'county') return { view: 'county' };
  if (parts[0] === 'verify') return { view: 'verify' };
  return { view: 'list' };
}

function App() {
  const [info, setInfo] = useState();
  const [error, setError] = useState();
  const [lang, setLang] = useState('zh');
  const [where, setWhere] = useState(route());
  useEffect(() => {
    get('/api/info').then((i) => {
      const l = initialLang(i.lang);
      setApiLang(l);
      saveLang(l);
      setLang(l);
      setInfo(i);
    }, setError);
    const onHash = () => setWhere(route());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const w = WORDS[lang];
  useEffect(() => {
    document.title = w.title;
  }, [lang]);
  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    setApiLang(next);
    saveLang(next);
    setLang(next);
  };
  if (!info) return html`<main><${ErrorBox} error=${error} w=${w} />${!error && html`<p class="loading">${w.loading}</p>`}</main>`;
  const nav = (view, href) => html`<a href=${href} class=${where.view === view || (view === 'list' && where.view === 'submission') ? 'active' : ''} aria-current=${where.view === view ? 'page' : undefined}>${w.nav[view === 'list' ? 'submissions' : view]}</a>`;
  return html`
    <header>
      <span class="brand">${w.title}</span>
      <nav>${nav('list', '#/')}${nav('county', '#/county')}${nav('verify', '#/verify')}</nav>
      <button type="button" class="lang" onClick=${switchLang} title=${w.langTitle} lang=${lang === 'zh' ? 'en' : 'zh'}>${w.lang}</button>
    </header>
    ${where.view === 'list' && html`<${List} w=${w} lang=${lang} info=${info} open=${(id) => (location.hash = `#/s/${encodeURIComponent(id)}`)} />`}
    ${where.view === 'submission' && html`<${Submission} key=${where.id} id=${where.id} w=${w} lang=${lang} info=${info} />`}
    ${where.view === 'county' && html`<${County} w=${w} lang=${lang} />`}
    ${where.view === 'verify' && html`<${Verify} w=${w} lang=${lang} />`}
    <footer class="muted">shenbao ${info.version} · ${info.scheme.title}</footer>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
