//! The local web server: read-only routes (`GET` only) for the start page,
//! each document and the event stream; every request whose `Host` is not
//! the address served is refused (403), so a page elsewhere that points a
//! name of its own at 127.0.0.1 (DNS rebinding) reads nothing. A watcher
//! ([`notify`]) sees every save below the data and templates folders; after
//! 50 ms without another change the snapshot is built again and every open
//! page is told (server-sent events carry only the build's number).

use super::page::{self, View};
use super::snapshot::{self, Snapshot};
use crate::settings::Settings;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

/// How long the watcher waits for more changes before it builds.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// What the workbench serves.
#[derive(Clone, Debug)]
pub struct Config {
    pub settings: Settings,
    pub address: IpAddr,
    pub port: u16,
    /// Also the internal render, behind a switch.
    pub internal: bool,
    pub today: NaiveDate,
}

/// Why the workbench did not start.
#[derive(Debug)]
pub enum StartError {
    /// The port is taken (another `serve`, or another program).
    InUse(SocketAddr),
    Bind(SocketAddr, std::io::Error),
    Watch(String),
    /// The data folder is not there (told with the first build's problems).
    NoData,
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::InUse(a) => f.write_str(&crate::tr!("serve-in-use", address = a.to_string())),
            StartError::Bind(a, e) => {
                f.write_str(&crate::tr!("serve-cannot-bind", address = a.to_string(), error = e.to_string()))
            }
            StartError::Watch(e) => f.write_str(&crate::tr!("serve-cannot-watch", error = e.as_str())),
            StartError::NoData => f.write_str(&crate::tr!("serve-no-data")),
        }
    }
}

struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    events: broadcast::Sender<u64>,
    /// The `Host` values accepted.
    hosts: Hosts,
    internal: bool,
}

/// The `Host` headers that name the address served: its address and port
/// (and `localhost` for a loopback address). Served on every interface
/// (`0.0.0.0`, `::`), a browser names whichever address it reached, so any
/// address written as digits with the port is accepted, and `localhost`:
/// a DNS-rebinding page always comes with a host *name*, never one of these.
#[derive(Debug)]
struct Hosts {
    names: Vec<String>,
    port: u16,
    any_address: bool,
}

impl Hosts {
    fn new(address: IpAddr, port: u16) -> Hosts {
        let mut names = vec![match address {
            IpAddr::V4(a) => format!("{a}:{port}"),
            IpAddr::V6(a) => format!("[{a}]:{port}"),
        }];
        if address.is_loopback() || address.is_unspecified() {
            names.push(format!("localhost:{port}"));
        }
        Hosts { names, port, any_address: address.is_unspecified() }
    }

    fn accepts(&self, host: &str) -> bool {
        self.names.iter().any(|h| h.eq_ignore_ascii_case(host))
            || (self.any_address && host.parse::<SocketAddr>().is_ok_and(|a| a.port() == self.port))
    }
}

async fn only_our_host(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !shared.hosts.accepts(host) {
        return (StatusCode::FORBIDDEN, format!("{}\n", crate::tr!("serve-refused-host"))).into_response();
    }
    next.run(request).await
}

fn current(shared: &Shared) -> Arc<Snapshot> {
    shared.snapshot.read().map(|s| s.clone()).unwrap_or_default()
}

fn no_store(html: String) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

async fn start(State(shared): State<Arc<Shared>>) -> Response {
    no_store(page::start(&current(&shared), shared.internal))
}

#[derive(serde::Deserialize)]
struct Which {
    intern: Option<String>,
}

async fn document(
    State(shared): State<Arc<Shared>>,
    Path((id, name)): Path<(String, String)>,
    Query(which): Query<Which>,
) -> Response {
    let s = current(&shared);
    let view = match which.intern.is_some() && shared.internal {
        true => View::Internal,
        false => View::Public,
    };
    let Some(d) = s.dossier(&id) else {
        return (StatusCode::NOT_FOUND, Html(page::start(&s, shared.internal))).into_response();
    };
    let pages = if view == View::Internal { &d.internal } else { &d.public };
    match pages.iter().find(|p| p.name == name) {
        Some(p) => no_store(page::document(&s, d, p, view, shared.internal)),
        None => (StatusCode::NOT_FOUND, Html(page::start(&s, shared.internal))).into_response(),
    }
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.events.subscribe())
        .filter_map(|g| g.ok())
        .map(|g| Ok(Event::default().event("rebuilt").data(g.to_string())));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The routes, for the snapshot kept in `shared`.
fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(start))
        .route("/d/{id}/{*name}", get(document))
        .route("/events", get(events))
        .layer(middleware::from_fn_with_state(shared.clone(), only_our_host))
        .with_state(shared)
}

/// Puts `next` in place and tells every open page; returns it.
fn publish(shared: &Shared, next: Snapshot) -> Arc<Snapshot> {
    let next = Arc::new(next);
    if let Ok(mut s) = shared.snapshot.write() {
        *s = next.clone();
    }
    let _ = shared.events.send(next.generation);
    next
}

/// Builds again after each burst of changes below the watched folders,
/// until the process ends.
fn watch(config: &Config, shared: Arc<Shared>) -> Result<Arc<Mutex<notify::RecommendedWatcher>>, StartError> {
    use notify::Watcher as _;
    let settings = &config.settings;
    let absolute = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let data = absolute(settings.data());
    // A templates folder made after the start is watched from when it
    // appears: till then its parent is, for it alone.
    let templates = match (settings.templates().parent(), settings.templates().file_name()) {
        _ if settings.templates().is_dir() => absolute(settings.templates()),
        (Some(parent), Some(name)) => {
            absolute(if parent.as_os_str().is_empty() { std::path::Path::new(".") } else { parent })
                .join(name)
        }
        _ => settings.templates().to_path_buf(),
    };
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    // Counts the changes seen: sources still being computed for an older
    // state give up when it moves.
    let changes = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let counted = changes.clone();
    let (ours_data, ours_templates) = (data.clone(), templates.clone());
    let watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        let Ok(e) = e else { return };
        let ours = e.paths.iter().any(|p| p.starts_with(&ours_data) || p.starts_with(&ours_templates));
        if ours && !matches!(e.kind, notify::EventKind::Access(_)) {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = tx.send(());
        }
    })
    .map_err(|e| StartError::Watch(e.to_string()))?;
    let watcher = Arc::new(Mutex::new(watcher));
    let add = |path: &std::path::Path, mode: notify::RecursiveMode| {
        let mut w = watcher.lock().map_err(|_| StartError::Watch(crate::tr!("serve-watcher-failed")))?;
        w.watch(path, mode).map_err(|e| {
            let why = match &e.kind {
                notify::ErrorKind::PathNotFound => crate::tr!("io-not-found"),
                notify::ErrorKind::Io(io) => crate::i18n::io_error(io),
                _ => e.to_string(),
            };
            StartError::Watch(format!("{}: {why}", path.display()))
        })
    };
    add(&data, notify::RecursiveMode::Recursive)?;
    let mut templates_watched = templates.is_dir();
    if templates_watched {
        add(&templates, notify::RecursiveMode::Recursive)?;
    } else if let Some(parent) = templates.parent().filter(|p| p.is_dir()) {
        add(parent, notify::RecursiveMode::NonRecursive)?;
    }
    let later = watcher.clone();
    let config = config.clone();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // A save is often several events (truncate, write, rename).
            while rx.recv_timeout(DEBOUNCE).is_ok() {}
            if !templates_watched
                && templates.is_dir()
                && let Ok(mut w) = later.lock()
            {
                templates_watched = w.watch(&templates, notify::RecursiveMode::Recursive).is_ok();
            }
            let seen = changes.load(std::sync::atomic::Ordering::SeqCst);
            let last = current(&shared);
            let (next, pending) = snapshot::build(&config.settings, config.internal, config.today, &last);
            let ms = next.took.as_millis() as u64;
            match next.problems.is_empty() {
                true => eprintln!("{}", crate::tr!("serve-rebuilt", ms = ms)),
                false => eprintln!("{}", crate::tr!("serve-rebuilt-with-errors", ms = ms)),
            }
            let next = publish(&shared, next);
            // The sources follow, beside the next build: given up when the
            // files change again, published only over this very snapshot.
            let Some(pending) = pending else { continue };
            let (shared, changes, settings) = (shared.clone(), changes.clone(), config.settings.clone());
            std::thread::spawn(move || {
                let t = std::time::Instant::now();
                let moved = || changes.load(std::sync::atomic::Ordering::SeqCst) != seen;
                let Some(with) = snapshot::with_sources_unless(&next, &pending, &settings, &moved) else {
                    return;
                };
                if let Ok(mut s) = shared.snapshot.write()
                    && s.generation == next.generation
                    && !moved()
                {
                    eprintln!("{}", crate::tr!("serve-sources", ms = t.elapsed().as_millis() as u64));
                    let with = Arc::new(with);
                    *s = with.clone();
                    let _ = shared.events.send(with.generation);
                }
            });
        }
    });
    Ok(watcher)
}

/// Builds the first snapshot, binds the address, says it on stdout and
/// serves until the process is ended.
pub fn serve(config: Config) -> Result<(), StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| StartError::Watch(e.to_string()))?;
    runtime.block_on(async move {
        let wanted = SocketAddr::new(config.address, config.port);
        let listener = match tokio::net::TcpListener::bind(wanted).await {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => return Err(StartError::InUse(wanted)),
            Err(e) => return Err(StartError::Bind(wanted, e)),
        };
        let bound = listener.local_addr().map_err(|e| StartError::Bind(wanted, e))?;
        let first =
            snapshot::build_all(&config.settings, config.internal, config.today, &Snapshot::default());
        if !first.problems.is_empty() {
            eprint!("{}", first.problems);
        }
        // Without its data folder there is nothing to show or follow: the
        // problem above says so, once.
        if !config.settings.data().is_dir() {
            return Err(StartError::NoData);
        }
        let (events, _) = broadcast::channel(16);
        let shared = Arc::new(Shared {
            snapshot: RwLock::new(Arc::new(first)),
            events,
            hosts: Hosts::new(bound.ip(), bound.port()),
            internal: config.internal,
        });
        let _watcher = watch(&config, shared.clone())?;
        let url = match bound.ip() {
            IpAddr::V6(a) => format!("http://[{a}]:{}/", bound.port()),
            IpAddr::V4(a) => format!("http://{a}:{}/", bound.port()),
        };
        println!("{}", crate::tr!("serve-listening", url = url.as_str()));
        axum::serve(listener, router(shared)).await.map_err(|e| StartError::Bind(bound, e))
    })
}

#[cfg(test)]
mod tests {
    use super::Hosts;

    #[test]
    fn on_every_interface_an_address_in_digits_is_accepted_and_a_host_name_is_not() {
        let any = Hosts::new("0.0.0.0".parse().unwrap(), 8321);
        for ok in ["0.0.0.0:8321", "192.168.1.20:8321", "[fe80::1]:8321", "localhost:8321", "LOCALHOST:8321"]
        {
            assert!(any.accepts(ok), "{ok}");
        }
        for refused in
            ["evil.example:8321", "192.168.1.20:8322", "192.168.1.20", "rebind.192.168.1.20.nip.io:8321", ""]
        {
            assert!(!any.accepts(refused), "{refused}");
        }
        let local = Hosts::new("127.0.0.1".parse().unwrap(), 8321);
        assert!(local.accepts("127.0.0.1:8321") && local.accepts("localhost:8321"));
        assert!(!local.accepts("192.168.1.20:8321"), "only the address served");
    }
}
