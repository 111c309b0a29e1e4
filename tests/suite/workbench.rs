//! The workbench, `beantwoord serve`: each answer's sources as the rule
//! defines them (the fast computation equal to leaving each record out in
//! turn, on the bundled data and on generated registers), and the server
//! as a user meets it (the Host check, nothing withheld on the public view,
//! a port in use) and, in headless Chromium, live as the files are saved.

use crate::common::{Scratch, repo};
use beantwoord::answers::Engines;
use beantwoord::answers::provenance::{self, Kind, Provenance};
use beantwoord::document::Audience;
use std::path::Path;

/// Both computations of every dossier's sources in `data`, per audience;
/// the fast one returned.
fn provenance_both_ways(data: &Path) -> Vec<(String, Audience, Provenance)> {
    let mut loaded = beantwoord::load::load(data);
    assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
    let templates = beantwoord::load::templates(
        Some(&data.parent().unwrap().join("templates")),
        &mut loaded.sources,
        &mut loaded.diagnostics,
    );
    let engines = Engines::new(&templates);
    let mut out = Vec::new();
    for d in &loaded.project.dossiers {
        for audience in [Audience::Public, Audience::Internal] {
            let engine = engines.of(audience);
            let fast = provenance::provenance(&loaded.project, d, engine, audience);
            let slow = provenance::by_leaving_out(&loaded.project, d, engine, audience);
            assert_eq!(
                fast, slow,
                "{} ({audience:?}): the fast sources differ from leaving each out",
                d.id.value
            );
            out.push((d.id.value.clone(), audience, fast));
        }
    }
    out
}

fn ids(p: &Provenance, answer: u32, kind: Kind) -> Vec<String> {
    p[&answer].iter().filter(|s| s.kind == kind).map(|s| s.id.clone()).collect()
}

#[test]
fn bundled_answers_rest_on_the_records_leaving_them_out_would_change() {
    let s = Scratch::bundled();
    let all = provenance_both_ways(&s.data());
    let (_, _, p) = all.iter().find(|(_, a, _)| *a == Audience::Public).unwrap();
    // Answer 4 counts and tells the Facebook/Meta reports, and names the account.
    assert_eq!(ids(p, 4, Kind::Account), ["facebook"]);
    assert_eq!(
        ids(p, 4, Kind::Report),
        [
            "2021-03-09-video-stemmen-vaccinatie",
            "2021-03-17-twee-vakjes",
            "2021-11-18-stemwijzer-dijk-en-waard",
            "2022-03-09-beek-instagram"
        ]
    );
    // Answer 5: no report went through Google; the account is named.
    assert_eq!(ids(p, 5, Kind::Account), ["google"]);
    assert!(ids(p, 5, Kind::Report).is_empty());
    // Answers of prose only rest on nothing; every answer is listed.
    assert!(p[&7].is_empty() && p[&14].is_empty());
    assert_eq!(p.len(), 14);
}

#[test]
fn generated_registers_give_the_same_sources_both_ways() {
    for seed in [3, 11] {
        let dir = tempfile::tempdir().unwrap();
        crate::batch::synth::generate(40, 1, seed, dir.path()).unwrap();
        crate::common::copy_dir(&repo().join("templates"), &dir.path().join("templates"));
        // Texts that depend on what shifts when a record goes: a summary
        // that prints its annex number, an answer with annex and sequence
        // numbers and the accounts' counts.
        let records = dir.path().join("data/records/reports-0000.yaml");
        let text = std::fs::read_to_string(&records).unwrap();
        let text = text.replacen(
            "{{ report.date | datum }}",
            "{{ report.date | datum }} (bijlage {{ report.annex }}, {{ report.platforms | opsomming }})",
            7,
        );
        std::fs::write(&records, text).unwrap();
        let dossier = dir.path().join("data/dossiers/2022Z21205/dossier.yaml");
        let text = std::fs::read_to_string(&dossier).unwrap();
        let answer = "      {% set tk = reports | via(account=\"tiktok\") %}{% for r in tk %}bijlage {{ r.annex }} ({{ r | volgnummer(account=\"tiktok\") }}, {{ r.summary }}); {% endfor %}{{ accounts | map(attribute=\"reports\") | join(sep=\", \") }}; {% set eerste = reports | first %}{{ eerste.date }}\n";
        let text = text.replacen("      Ja.\n", answer, 1);
        std::fs::write(&dossier, text).unwrap();
        let all = provenance_both_ways(&dir.path().join("data"));
        let (_, _, p) = &all[0];
        assert!(!p[&14].is_empty(), "the generated answer rests on records");
        assert!(ids(p, 5, Kind::Account).contains(&"google".to_string()));
    }
}

/// A running `beantwoord serve`, ended when dropped.
struct Served {
    child: std::process::Child,
    /// `127.0.0.1:PORT`
    host: String,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Served {
    fn start(s: &Scratch, extra: &[&str]) -> Served {
        use std::io::BufRead;
        // The benchmark runs the release binary.
        let binary =
            std::env::var("BEANTWOORD_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_beantwoord").into());
        let mut child = std::process::Command::new(binary)
            .env("BEANTWOORD_LANG", "en")
            .args(["serve", "--port", "0"])
            .args(extra)
            .current_dir(s.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let err = child.stderr.take().unwrap();
        let log = stderr.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
                log.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let host = first
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {first:?}: {}", stderr.lock().unwrap()))
            .to_string();
        Served { child, host, stderr }
    }

    fn port(&self) -> &str {
        self.host.rsplit(':').next().unwrap()
    }

    /// `GET path` with this `Host`: the status and the body.
    fn get_as(&self, host: &str, path: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut c = std::net::TcpStream::connect(&self.host).unwrap();
        write!(c, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = Vec::new();
        c.read_to_end(&mut out).unwrap();
        let text = String::from_utf8_lossy(&out).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_string());
        (status, body)
    }

    fn get(&self, path: &str) -> String {
        let (status, body) = self.get_as(&self.host.clone(), path);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_request_for_another_host_is_refused_and_nothing_is_written() {
    let s = Scratch::bundled();
    let served = Served::start(&s, &[]);
    assert_eq!(served.get_as("evil.example", "/").0, 403);
    assert_eq!(served.get_as(&format!("evil.example:{}", served.port()), "/d/2022Z21205/antwoord").0, 403);
    assert_eq!(served.get_as("evil.example", "/events").0, 403);
    let start = served.get("/");
    assert!(start.contains("2022Z21205") && start.contains("/d/2022Z21205/antwoord"), "{start}");
    assert_eq!(served.get_as(&format!("localhost:{}", served.port()), "/").0, 200);
    // No route writes: other methods are not allowed.
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(&served.host).unwrap();
    write!(c, "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", served.host)
        .unwrap();
    let mut out = String::new();
    c.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 405"), "{out}");
    assert!(!s.out().exists() && !s.file("output-intern").exists(), "serve wrote output");
}

#[test]
fn a_second_serve_on_the_same_port_is_one_clear_line_and_exit_1() {
    let s = Scratch::bundled();
    let served = Served::start(&s, &[]);
    let r = s.run_within(std::time::Duration::from_secs(60), &["serve", "--port", served.port()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("in use") && r.stderr.contains(served.port()), "{}", r.stderr);
}

#[test]
fn the_public_view_holds_no_byte_of_a_withheld_name_in_pages_or_events() {
    let s = Scratch::bundled();
    let records = s.read("data/records/reports.yaml");
    let records =
        records.replace("[[5.1.2e: naam contactpersoon Facebook]]", "[[5.1.2e: Wilhelmina Geheimhouder]]");
    s.write("data/records/reports.yaml", &records);
    let served = Served::start(&s, &["--internal"]);
    // The event stream, read while the data changes.
    use std::io::{Read, Write};
    let mut events = std::net::TcpStream::connect(&served.host).unwrap();
    write!(events, "GET /events HTTP/1.1\r\nHost: {}\r\n\r\n", served.host).unwrap();
    events.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.write(
        "data/records/reports.yaml",
        &records.replacen("Wilhelmina Geheimhouder", "Wilhelmina  Geheimhouder", 1),
    );
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("event: rebuilt") {
        let n = events.read(&mut buf).expect("an event after the change");
        assert!(n > 0, "the event stream ended");
        seen.extend_from_slice(&buf[..n]);
    }
    let start = served.get("/");
    let mut public = vec![start.clone(), String::from_utf8_lossy(&seen).into_owned()];
    for name in ["antwoord", "bijlagen", "aanbieding"] {
        public.push(served.get(&format!("/d/2022Z21205/{name}")));
    }
    for (i, page) in public.iter().enumerate() {
        for word in ["Wilhelmina", "Geheimhouder"] {
            assert!(!page.contains(word), "public page {i} holds {word}");
        }
    }
    // The internal render, behind its switch and banner, does show it.
    let internal = served.get("/d/2022Z21205/bijlagen?intern=1");
    assert!(internal.contains("Geheimhouder") && internal.contains("INTERN"), "the internal view");
    assert!(public[2].contains("naar de interne versie"));
    drop(served);
}

/// Headless Chromium, driven over its DevTools protocol (one WebSocket,
/// a flattened session on one page).
struct Browser {
    child: std::process::Child,
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<std::net::TcpStream>>,
    session: String,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Chromium on a page at `url`; `None` when it is not installed (a
    /// failure under CI, which installs it).
    fn open(url: &str) -> Option<Browser> {
        use std::io::BufRead;
        let profile = tempfile::tempdir().unwrap();
        let spawned = std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let mut child = match spawned {
            Ok(c) => c,
            Err(e) if std::env::var_os("CI").is_none() => {
                eprintln!("SKIPPED: the browser test needs chromium ({e}); CI installs it (.ci/run)");
                return None;
            }
            Err(e) => panic!("chromium: {e}"),
        };
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let ws_url = loop {
            let line = lines.next().expect("chromium said where it listens").unwrap();
            if let Some(at) = line.find("ws://") {
                break line[at..].trim().to_string();
            }
        };
        // Keep reading its stderr so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let (ws, _) = tungstenite::connect(ws_url.as_str()).unwrap();
        let mut b = Browser { child, ws, session: String::new(), next: 0, _profile: profile };
        let target = b.call("Target.createTarget", serde_json::json!({ "url": url }), false);
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached =
            b.call("Target.attachToTarget", serde_json::json!({ "targetId": id, "flatten": true }), false);
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        Some(b)
    }

    fn call(&mut self, method: &str, params: serde_json::Value, in_page: bool) -> serde_json::Value {
        self.next += 1;
        let mut msg = serde_json::json!({ "id": self.next, "method": method, "params": params });
        if in_page {
            msg["sessionId"] = serde_json::Value::from(self.session.clone());
        }
        self.ws.send(tungstenite::Message::text(msg.to_string())).unwrap();
        loop {
            let reply = self.ws.read().unwrap();
            let Ok(text) = reply.to_text() else { continue };
            let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            if v["id"].as_u64() == Some(self.next) {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> serde_json::Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({ "expression": expression, "returnByValue": true }),
            true,
        );
        r["result"]["value"].clone()
    }

    /// Waits (up to `limit`) until `expression` is true in the page; how long it took.
    fn until(&mut self, expression: &str, limit: std::time::Duration) -> std::time::Duration {
        let t = std::time::Instant::now();
        while t.elapsed() < limit {
            if self.eval(expression) == serde_json::Value::Bool(true) {
                return t.elapsed();
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!(
            "not within {limit:?}: {expression}\npage: {}",
            self.eval("document.body && document.body.innerText")
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// In a real browser: the start page and the bundled answer; a report's
/// date changed in the file shows on the open page without a reload (its
/// scroll position kept); a broken field shows its diagnostic with file and
/// line above the last good render; fixed, the diagnostic goes.
#[test]
fn in_a_browser_the_page_follows_the_files_without_a_reload() {
    let s = Scratch::bundled();
    let served = Served::start(&s, &[]);
    let base = format!("http://{}/", served.host);
    let Some(mut b) = Browser::open(&base) else { return };
    let second = std::time::Duration::from_secs(10);
    b.until("document.readyState === 'complete' && document.body.innerText.includes('2022Z21205')", second);
    b.until("document.querySelector('a[href=\"/d/2022Z21205/antwoord\"]') !== null", second);
    b.eval("location.href = document.querySelector('a[href=\"/d/2022Z21205/antwoord\"]').href");
    b.until("document.readyState === 'complete' && !!document.getElementById('antwoord-4')", second);
    // The text of answer 4 (up to question 5), its no-break spaces as spaces.
    let four = "(document.body.innerText.replace(/\\s+/g, ' ').split('Antwoord 4')[1].split('Vraag 5')[0])";
    b.until(&format!("{four}.includes('Facebook/Meta werd gedaan op 9 maart 2022')"), second);
    assert_eq!(b.eval(&format!("{four}.includes('8 maart 2022')")), serde_json::Value::Bool(false));
    // The sources beside answer 4: the account and the four reports.
    let sources = b.eval("document.getElementById('bronnen-4').innerText");
    assert_eq!(sources.as_str().unwrap().matches("melding").count(), 4, "{sources}");
    assert!(sources.as_str().unwrap().contains("records/reports.yaml:13:"), "{sources}");
    b.eval("window.notReloaded = true; window.scrollTo(0, 1200); true");
    let y = b.eval("window.scrollY");

    let beek = "  - id: 2022-03-09-beek-instagram\n    date: ";
    s.edit("data/records/reports.yaml", &format!("{beek}2022-03-09\n"), &format!("{beek}2022-03-08\n"));
    let took = b.until(&format!("{four}.includes('Facebook/Meta werd gedaan op 8 maart 2022')"), second);
    eprintln!("save to updated page (bundled): {} ms", took.as_millis());
    assert_eq!(b.eval("window.notReloaded === true"), serde_json::Value::Bool(true), "the page was reloaded");
    assert_eq!(b.eval("window.scrollY"), y, "the scroll position was kept");

    s.edit("data/records/reports.yaml", &format!("{beek}2022-03-08\n"), &format!("{beek}2022-03-0X\n"));
    b.until("!!document.getElementById('wb-problems')", second);
    let shown = b.eval("document.getElementById('wb-problems').innerText");
    let shown = shown.as_str().unwrap();
    assert!(shown.contains("records/reports.yaml:226:11"), "file, line and column: {shown}");
    assert!(shown.contains("date: 2022-03-0X"), "the source line: {shown}");
    // The last good render stays below it.
    assert_eq!(b.eval(&format!("{four}.includes('8 maart 2022')")), serde_json::Value::Bool(true));

    s.edit("data/records/reports.yaml", &format!("{beek}2022-03-0X\n"), &format!("{beek}2022-03-08\n"));
    b.until("!document.getElementById('wb-problems')", second);
    assert_eq!(b.eval("window.notReloaded === true"), serde_json::Value::Bool(true), "the page was reloaded");
    assert!(served.stderr.lock().unwrap().contains("rebuilt in"));
}

/// The internal answers end with the sources of each answer; no public
/// document, in any format, says a word of it.
#[test]
fn the_internal_answers_list_their_sources_and_no_public_document_does() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--internal", "--format", "md", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let internal = s.read("output-intern/2022Z21205/antwoord-INTERN.md");
    let appendix = internal.split_once("## Bronnen per antwoord").expect("the appendix").1;
    let four = appendix.split_once("### Antwoord 4").unwrap().1.split("### Antwoord 5").next().unwrap();
    assert_eq!(four.matches("melding `").count(), 4, "{four}");
    assert!(four.contains("account `facebook` (records/accounts.yaml, regel 5)"), "{four}");
    let five = appendix.split_once("### Antwoord 5").unwrap().1.split("### Antwoord 6").next().unwrap();
    assert!(five.contains("account `google`") && !five.contains("melding"), "{five}");
    for (path, bytes) in crate::common::snapshot_tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Bronnen per antwoord"), "{} holds the sources", path.display());
    }
}

/// From saving a report to the open page showing it, in headless Chromium:
/// the bundled data, and a generated register of 1,000 reports. Run with
/// the release binary: `BEANTWOORD_BIN=target/release/beantwoord cargo test
/// --test suite workbench::save_to_page -- --ignored --nocapture`.
#[test]
#[ignore = "a benchmark: run it with --ignored"]
fn save_to_page_benchmark() {
    for reports in [0usize, 1000] {
        let s = Scratch::bundled();
        if reports > 0 {
            let dir = tempfile::tempdir().unwrap();
            crate::batch::synth::generate(reports, 1, 1, dir.path()).unwrap();
            std::fs::remove_dir_all(s.data()).unwrap();
            crate::common::copy_dir(&dir.path().join("data"), &s.data());
        }
        let served = Served::start(&s, &[]);
        let Some(mut b) = Browser::open(&format!("http://{}/d/2022Z21205/antwoord", served.host)) else {
            return;
        };
        let limit = std::time::Duration::from_secs(60);
        b.until("document.readyState === 'complete' && !!document.getElementById('antwoord-4')", limit);
        let mut times = Vec::new();
        for round in 0..5 {
            let (file, marker) = match reports {
                0 => ("data/records/reports.yaml", "Het betrof een video die rondging op Facebook"),
                _ => ("data/records/reports-0000.yaml", "Het betrof"),
            };
            let text = s.read(file);
            let word = format!("Meetpunt{round}");
            // The summary of a report through Facebook: answer 4 tells it.
            let at = text.find("accounts: [facebook").unwrap();
            let at = at + text[at..].find(marker).unwrap() + marker.len();
            s.write(file, &format!("{} {word}{}", &text[..at], &text[at..]));
            let t = std::time::Instant::now();
            b.until(&format!("document.body.innerText.includes('{word}')"), limit);
            times.push(t.elapsed().as_millis());
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
        times.sort();
        eprintln!(
            "save to updated page, {} reports: median {} ms, all {times:?} ms; server: {}",
            if reports == 0 { "bundled (5)".to_string() } else { reports.to_string() },
            times[times.len() / 2],
            served
                .stderr
                .lock()
                .unwrap()
                .lines()
                .filter(|l| l.starts_with("rebuilt"))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}

#[test]
fn a_templates_folder_made_after_the_start_is_followed_and_every_interface_takes_an_address_in_digits() {
    let s = Scratch::bundled();
    let own = s.read("templates/antwoord.md");
    std::fs::remove_dir_all(s.file("templates")).unwrap();
    let served = Served::start(&s, &["--address", "0.0.0.0"]);
    assert!(served.stderr.lock().unwrap().contains("warning: serving on 0.0.0.0"));
    // Served on every interface: the address a browser reached, in digits,
    // and localhost are its own names; a host name is not.
    assert_eq!(served.get_as(&format!("127.0.0.1:{}", served.port()), "/").0, 200);
    assert_eq!(served.get_as(&format!("localhost:{}", served.port()), "/").0, 200);
    assert_eq!(served.get_as(&format!("evil.example:{}", served.port()), "/").0, 403);
    assert_eq!(served.get_as("127.0.0.1:1", "/").0, 403, "another port");
    let page = || served.get_as(&format!("127.0.0.1:{}", served.port()), "/d/2022Z21205/antwoord").1;
    assert!(page().contains("Antwoord 4") && !page().contains("Uit de nieuwe map"));
    // The folder appears, with an answer template of the user's own.
    std::fs::create_dir(s.file("templates")).unwrap();
    let changed = own.replacen("\n# {{", "\nUit de nieuwe map.\n\n# {{", 1);
    assert_ne!(changed, own);
    std::fs::write(s.file("templates/antwoord.md"), changed).unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !page().contains("Uit de nieuwe map") {
        assert!(std::time::Instant::now() < until, "the new templates folder was not followed");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Pieces of answer templates: selections of the reports, loops over them,
/// their fields, annex and sequence numbers, counts, the accounts, and uses
/// the analysis cannot read (a report printed whole, a field by a variable).
const PIECES: &[&str] = &[
    "{% set m = reports | via(account=\"facebook\") %}{{ m | length }} keer",
    "{% for r in reports | via(account=\"twitter\") %}{{ r.date }} (bijlage {{ r.annex }}); {% endfor %}",
    "{{ reports | bijlagen }}",
    "{% set e = reports | filter(attribute=\"platforms\", contains=\"Google\") | first %}{% if e %}{{ e.date }}{% endif %}",
    "{% for r in reports | via(account=\"tiktok\") %}{{ r | volgnummer(account=\"tiktok\") }}: {{ r.summary }} {% endfor %}",
    "{{ (reports | last).id }}",
    "{{ account.facebook.reports }} en {{ account.google.first_used }}",
    "{{ accounts | map(attribute=\"first_used\") | join(sep=\", \") }}",
    "{% for r in reports %}{% if loop.index == 3 %}{{ r.id }}{% endif %}{% endfor %}",
    "{{ reports | length }}",
    "{% set k = reports | via(account=\"snapchat\") %}{% if k %}ja{% else %}nee{% endif %}",
    "{{ reports | filter(attribute=\"date\", before=\"2021-06-01\") | length }}",
    "{% for r in reports | via(account=\"google\") | reverse %}{% if loop.first %}{{ r.outcome.google.status }}{% endif %}{% endfor %}",
    "{{ reports | first }}",
    "{% set f = \"annex\" %}{% for r in reports | via(account=\"facebook\") %}{{ r[f] }}{% endfor %}",
    "{% for r in reports | reject(attribute=\"accounts\", contains=\"facebook\") %}{% if r.annex == 4 %}vier{% endif %}{% endfor %}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]

    /// The fast computation equals the rule as written (each record left
    /// out in turn, the dossier rendered again) for answers made of any
    /// pieces, over generated registers whose summaries print their annex
    /// and sequence numbers.
    #[test]
    fn sources_of_generated_answers_equal_leaving_each_record_out(
        seed in 0u64..1000,
        reports in 6usize..14,
        pieces in proptest::collection::vec(0..PIECES.len(), 1..4),
        texts in 0usize..6,
    ) {
        let dir = tempfile::tempdir().unwrap();
        crate::batch::synth::generate(reports, 1, seed, dir.path()).unwrap();
        crate::common::copy_dir(&repo().join("templates"), &dir.path().join("templates"));
        let records = dir.path().join("data/records/reports-0000.yaml");
        let text = std::fs::read_to_string(&records).unwrap();
        let text = text.replacen(
            "{{ report.date | datum }}",
            "{{ report.date | datum }} (bijlage {{ report.annex }}, {{ report.volgnummer.facebook }})",
            texts,
        );
        std::fs::write(&records, text).unwrap();
        let dossier = dir.path().join("data/dossiers/2022Z21205/dossier.yaml");
        let answer: String = pieces.iter().map(|&p| PIECES[p]).collect::<Vec<_>>().join(" | ");
        let answer = format!("      {answer}\n");
        let before = std::fs::read_to_string(&dossier).unwrap();
        let text = before.replacen("      Ja.\n", &answer, 1);
        proptest::prop_assert_ne!(&text, &before, "the generated answer took the place of one");
        std::fs::write(&dossier, text).unwrap();
        // (provenance_both_ways asserts the two are equal.)
        let all = provenance_both_ways(&dir.path().join("data"));
        let rests_on_some = all.iter().any(|(_, _, p)| p.values().any(|l| !l.is_empty()));
        proptest::prop_assert!(rests_on_some);
    }
}
