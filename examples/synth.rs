//! Writes a synthetic data folder of any size, valid per the data contract,
//! deterministic from a seed: the bundled accounts, N reports (every field
//! kind, redactions, two to four letters each) spread over files of 1,000,
//! and D copies of the bundled dossier.
//!
//! With `--reports 0` the bundled reports are used: `--reports 0 --dossiers 200`
//! is 200 dossiers over the bundled register.
//!
//! cargo run --release --example synth -- --reports 10000 --dossiers 1 --out target/synth

use std::fmt::Write as _;
use std::path::PathBuf;

const ACCOUNTS: &str = include_str!("../data/records/accounts.yaml");
const DOSSIER: &str = include_str!("../data/dossiers/2022Z21205/dossier.yaml");
const PLATFORMS: [(&str, &str); 5] = [
    ("facebook", "Facebook"),
    ("google", "Google"),
    ("twitter", "Twitter"),
    ("tiktok", "TikTok"),
    ("snapchat", "Snapchat"),
];
const STATUSES: [&str; 7] = ["labelled", "removed", "restored", "resolved", "declined", "unknown", "pending"];
const TOWNS: [&str; 8] = [
    "Beek",
    "Midden-Delfland",
    "Súdwest-Fryslân",
    "Dijk en Waard",
    "Ede",
    "Venlo",
    "Zwolle",
    "’s-Hertogenbosch",
];
const ELECTIONS: [&str; 4] = [
    "Tweede Kamerverkiezing 2021",
    "gemeenteraadsverkiezingen 2022",
    "Provinciale Statenverkiezingen 2019",
    "herindelingsverkiezingen",
];
const TOPICS: [&str; 6] = [
    "een bericht over de sluitingstijden van stemlokalen",
    "een video over stemmen per post",
    "berichten over het rood kleuren van twee vakjes",
    "een geblokkeerd account van een raadslid",
    "een geblokkeerde link naar de Stemwijzer",
    "een onjuiste uitleg van de volmachtregeling",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len() as u64) as usize]
    }
}

fn report(i: usize, rng: &mut Rng) -> String {
    let day = 1 + rng.next(28);
    let month = 1 + rng.next(12);
    let year = 2019 + rng.next(4);
    let (month, year) = if year == 2022 && month > 11 { (11, 2022) } else { (month, year) };
    let date = format!("{year}-{month:02}-{day:02}");
    let first = rng.next(5) as usize;
    let mut accounts = vec![PLATFORMS[first]];
    if rng.next(4) == 0 {
        accounts.push(PLATFORMS[(first + 1 + rng.next(4) as usize) % 5]);
    }
    let town = rng.pick(&TOWNS);
    let topic = rng.pick(&TOPICS);
    let mut y = String::new();
    let ids: Vec<&str> = accounts.iter().map(|a| a.0).collect();
    let _ = write!(y, "  - id: synth-{i:06}\n    date: {date}\n    accounts: [{}]\n", ids.join(", "));
    if rng.next(2) == 0 {
        let _ = write!(
            y,
            "    on_behalf_of: gemeente {town}\n    on_behalf_detail: een gemeente die zelf geen reactie kreeg\n"
        );
    }
    let _ = writeln!(y, "    election: {}", rng.pick(&ELECTIONS));
    let _ = writeln!(y, "    subject: Melding {i} over {topic}");
    let _ = write!(
        y,
        "    summary: >-\n      Het betrof {topic} in de gemeente {town}, met *nadruk* op de datum\n      {{{{ report.date | datum }}}}.\n"
    );
    if rng.next(3) == 0 {
        let _ = writeln!(y, "    items: {}", 1 + rng.next(20));
        let _ = writeln!(
            y,
            "    factcheck: {{ date: {date}, by: onafhankelijke factcheckers, url: \"https://example.org/factcheck/{i}\" }}"
        );
    }
    y.push_str("    correspondence:\n");
    for k in 0..2 + rng.next(3) {
        let sent = k % 2 == 0;
        let (from, to) =
            if sent { ("Ministerie van BZK", accounts[0].1) } else { (accounts[0].1, "Ministerie van BZK") };
        let _ = write!(
            y,
            "      - date: {date}\n        direction: {}\n        from: {from}\n        to: {to}\n        reconstructed: {}\n        text: |\n          Geachte [[5.1.2e: contactpersoon {i}-{k}]],\n\n          Wij melden {topic} in de gemeente {town}. Zie de bijlage bij deze\n          melding; de afzender is [[5.1.2e: medewerker {i}]] ({}).\n\n          Met vriendelijke groet,\n          [[5.1.2e: naam {i}-{k}]]\n",
            if sent { "sent" } else { "received" },
            rng.next(2) == 0,
            if rng.next(5) == 0 { "[[5.1.2g: locatie meetpunt]]" } else { "team Democratie" },
        );
    }
    y.push_str("    outcome:\n");
    for a in &accounts {
        let status = rng.pick(&STATUSES);
        let _ = writeln!(
            y,
            "      {}: {{ status: {status}, text: \"{} meldde de uitkomst: {status}.\" }}",
            a.0, a.1
        );
    }
    y
}

/// Writes `reports` reports and `dossiers` dossiers to `out/data`.
pub fn generate(reports: usize, dossiers: usize, seed: u64, out: &std::path::Path) -> std::io::Result<()> {
    let data = out.join("data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(data.join("records"))?;
    // first_used is left to be derived: synthetic reports come before the recorded dates.
    let accounts: String = ACCOUNTS
        .lines()
        .filter(|l| !l.trim_start().starts_with("first_used:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(data.join("records/accounts.yaml"), accounts)?;
    let mut rng = Rng(seed);
    for (chunk, start) in (0..reports).step_by(1000).enumerate() {
        let mut text = String::from("reports:\n");
        for r in start..(start + 1000).min(reports) {
            text.push_str(&report(r, &mut rng));
        }
        std::fs::write(data.join(format!("records/reports-{chunk:04}.yaml")), text)?;
    }
    if reports == 0 {
        std::fs::write(data.join("records/reports.yaml"), include_str!("../data/records/reports.yaml"))?;
        std::fs::write(data.join("records/accounts.yaml"), ACCOUNTS)?;
    }
    for d in 0..dossiers {
        let id = if dossiers == 1 { "2022Z21205".to_string() } else { format!("SYN{d:05}") };
        let dir = data.join("dossiers").join(&id);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("dossier.yaml"),
            DOSSIER.replacen("id: 2022Z21205", &format!("id: {id}"), 1),
        )?;
    }
    Ok(())
}

#[allow(dead_code)]
fn main() {
    let mut reports = 1000usize;
    let mut dossiers = 1usize;
    let mut seed = 2022u64;
    let mut out = PathBuf::from("target/synth");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i + 1 < args.len() {
        match args[i].as_str() {
            "--reports" => reports = args[i + 1].parse().expect("--reports N"),
            "--dossiers" => dossiers = args[i + 1].parse().expect("--dossiers N"),
            "--seed" => seed = args[i + 1].parse().expect("--seed N"),
            "--out" => out = PathBuf::from(&args[i + 1]),
            other => panic!("unknown option {other}; use --reports N --dossiers N --seed N --out DIR"),
        }
        i += 2;
    }
    generate(reports, dossiers, seed, &out).expect("writing the synthetic data");
    eprintln!("wrote {reports} report(s) and {dossiers} dossier(s) to {}", out.join("data").display());
}
