//! Stage 5, **output**: all or nothing, and only what changed, in output
//! folders the tool owns; each dossier's folder is one build or the other,
//! at every instant.
//!
//! - **Locked first.** [`open`] locks every output folder of the run
//!   (`.beantwoord.lock`; a second build waits) before the build reads
//!   anything in them: the manifest that decides what a narrowed build makes
//!   again, and every comparison below, are made against the folders as
//!   they are while this run holds them, up to its commit.
//! - **Only what changed.** Each file is compared with the one in place:
//!   identical bytes are left alone (the file keeps its inode and mtime).
//!   A new or changed file is written, synced, into the dossier's *staged
//!   folder*, a sibling of the dossier's folder in the output folder
//!   (`.beantwoord-tmp-<run>-<dossier>/`), at its place there. A file at the
//!   root of an output folder (the manifest) is staged beside itself.
//! - **One step per dossier folder.** [`commit`] starts only once every file
//!   of the run was made. It completes each staged folder with everything
//!   else the live folder holds (unchanged files and files the tool did not
//!   make are hard links: same inode, bytes and mtime; folders made again),
//!   leaves out the files no longer made, syncs it, and then puts it in
//!   place in one system call: `renameat2(RENAME_EXCHANGE)` swaps it with the
//!   live folder (a plain rename for a new dossier; a dossier folder that
//!   ends up empty is renamed aside). Before the first step it writes a
//!   journal (`.beantwoord-journal`) of every step into every output folder
//!   involved; the steps go dossier by dossier, the public folder then the
//!   internal one; the manifest follows, as a file step. The folders are
//!   synced, the journal of the public folder removed (the commit point),
//!   then the others, and the old folders (now at the staged names) deleted.
//! - **What a reader sees.** Up to the exchange, `<out>/<dossier>/` is the
//!   old folder, whole; from it on, the new one, whole: no instant shows a
//!   mix. A reader that opened the old folder, or a file in it, keeps
//!   reading the old version until it opens the path again. Dossiers are
//!   exchanged one after another, so a reader walking the whole output
//!   folder during a commit may find one dossier new and the next still old;
//!   between a dossier's public and internal exchange (two system calls in a
//!   row) its public folder is new and its internal one still old.
//! - **Killed, failed.** A failure at any step takes every step back, in
//!   every folder, and says which path failed and why. A killed run leaves
//!   its journal: the next run into the public folder — with `--internal` or
//!   without — locks every folder the journal names and exchanges each
//!   dossier back (a step counts as taken when the live folder is the staged
//!   one, by inode) before it reads anything, so the public and the internal
//!   folder of a dossier are again the same build; then it removes every
//!   temporary file and folder the tool left. Until then, each dossier
//!   folder is still wholly one build or the other.
//! - **Where the file system cannot exchange folders** (`renameat2` refused
//!   with `EINVAL` or `ENOSYS`, or not Linux), the files are put in place
//!   one by one, as before: the journal lists each file, the old version of
//!   each replaced or removed file is kept (`.beantwoord-old-…`, a hard link)
//!   until the end, and a failure or a kill is undone the same way; each
//!   file is then whole, but a reader can see a dossier half old, half new.
//! - A manifest (`.beantwoord-manifest`) at the root of each output folder
//!   lists the files the last build made, so that a file this build no
//!   longer makes (a removed dossier, annexes switched off) is removed, and
//!   listed as removed. It is read only under the lock, after any repair.
//! - A dry run writes nothing, not even a lock file; it waits for a build
//!   that holds a folder (a shared lock on the folder's lock file, if there
//!   is one) and reads the folder as that build left it (unrepaired, if
//!   that build was killed).
//! - An internal folder belongs to one public folder: the journal of an
//!   interrupted commit is found through the public folder.
//!
//! For the tests, `BEANTWOORD_TEST_KILL_BEFORE_STEP=<n>` makes a run kill
//! itself (SIGKILL) just before step `n` of its commit (with `n` the number
//! of steps: after the last one, before the commit point): a kill at every
//! point of a commit, on purpose.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

const LOCK: &str = ".beantwoord.lock";
/// How often a run makes its output folder again when another run's failed
/// first build removed it under its hands.
const LOCK_TRIES: u32 = 100;
const JOURNAL: &str = ".beantwoord-journal";
const MANIFEST: &str = ".beantwoord-manifest";
/// Every temporary file and folder the tool makes starts so.
pub const TEMP_PREFIX: &str = ".beantwoord-tmp-";
const OLD_PREFIX: &str = ".beantwoord-old-";
/// The first line of a journal this version writes (an older version's
/// journal has none: only file steps).
const JOURNAL_HEADER: &str = "beantwoord journal 2";
/// The test hook described above.
pub const KILL_BEFORE_STEP: &str = "BEANTWOORD_TEST_KILL_BEFORE_STEP";

/// What a run does to one output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    New,
    Changed,
    Unchanged,
    Removed,
}

impl Change {
    /// The stable word `--machine` lists (the same in every language).
    pub fn machine(self, dry_run: bool) -> &'static str {
        match (dry_run, self) {
            (true, Change::New) => "would-add",
            (true, Change::Changed) => "would-change",
            (true, Change::Removed) => "would-remove",
            (_, c) => c.word(),
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
            Change::Unchanged => "unchanged",
            Change::Removed => "removed",
        }
    }
}

/// A file ready to be committed (or, for a dry run, only judged).
#[derive(Debug)]
pub struct Staged {
    /// Where it goes (the output folder joined with `rel`).
    pub path: PathBuf,
    pub change: Change,
    /// Its path below the output folder.
    rel: PathBuf,
    /// The staged bytes (in the dossier's staged folder, or beside the
    /// target for a file at the root); removed when dropped uncommitted.
    temp: Option<tempfile::TempPath>,
}

/// Why the output could not be put in place: the path, and the reason.
#[derive(Debug)]
pub struct OutputError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), crate::i18n::io_error(&self.error))
    }
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |error| OutputError { path: path.to_path_buf(), error }
}

/// Refuses a path below `root` that passes through a symbolic link, or is
/// one: the tool never follows a link inside its output folders (a link
/// from the internal folder to the public one would publish the internal
/// documents). The error names the link.
pub fn no_link_below(root: &Path, path: &Path) -> io::Result<()> {
    let Ok(below) = path.strip_prefix(root) else { return Ok(()) };
    let mut at = root.to_path_buf();
    for part in below.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Err(link_refused(&at)),
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

fn link_refused(at: &Path) -> io::Error {
    io::Error::other(crate::tr!("output-link", path = at.display().to_string()))
}

/// Writes one file outside the output folders whole or not at all: a
/// temporary file beside it, synced, renamed over it, the folder synced.
/// For the record of what was sent (`dossier.lock`).
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_whole(path, bytes, false)
}

/// Writes a new file whole or not at all, and never over an existing one
/// (`beantwoord new`): an existing file is an `AlreadyExists` error.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_whole(path, bytes, true)
}

/// Writes a small file whole: a temporary file, synced, renamed into place
/// (`new`: only where no file is), the folder synced.
fn write_whole(path: &Path, bytes: &[u8], new: bool) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let created = create_dirs(dir)?;
    let result = (|| {
        let tmp = temp_beside(dir, bytes)?;
        if new {
            tmp.persist_noclobber(path).map_err(|e| e.error)?;
        } else {
            tmp.persist(path).map_err(|e| e.error)?;
        }
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        for d in created.iter().rev() {
            let _ = fs::remove_dir(d);
        }
    }
    result
}

/// Writes every file of the file system that holds `dir` to disk: the
/// staged files of a run at once (Linux `syncfs`; elsewhere `sync`).
fn sync_file_system(dir: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let d = File::open(dir)?;
        // SAFETY: `d` is an open descriptor for the call's whole duration.
        if unsafe { libc::syncfs(d.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        let _ = dir;
        // SAFETY: `sync` takes no arguments and cannot fail.
        unsafe { libc::sync() };
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `bytes` in a new temporary file in `dir`, as readable as any document
/// (a temporary file is 0600), synced.
fn temp_beside(dir: &Path, bytes: &[u8]) -> io::Result<tempfile::TempPath> {
    let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    readable(tmp.as_file())?;
    tmp.as_file().sync_all()?;
    Ok(tmp.into_temp_path())
}

fn readable(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Makes `dir` and its missing parents; returns those it made, outermost first.
fn create_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing.push(p.to_path_buf());
        d = p.parent();
    }
    missing.reverse();
    let mut made = Vec::new();
    for p in missing {
        match fs::create_dir(&p) {
            Ok(()) => made.push(p),
            // Another run made it first: it is theirs to remove, not ours.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(made)
}

/// Drops staged files of a run that failed. (What is left of the staged
/// folders goes when the [`Folder`] is dropped.)
pub fn discard(staged: Vec<Staged>) {
    drop(staged);
}

/// Whether `file` holds exactly `bytes`; read in blocks, so that comparing a
/// large document does not hold a second copy of it.
fn holds(file: &File, bytes: &[u8]) -> bool {
    use std::io::Read;
    if file.metadata().map(|m| m.len()).ok() != Some(bytes.len() as u64) {
        return false;
    }
    let mut reader = file;
    let mut block = vec![0u8; 1 << 16];
    let mut rest = bytes;
    loop {
        match reader.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) | Err(_) => return false,
        }
    }
}

/// A path below an output folder split into its dossier folder and the
/// path below that; none for a file at the root.
fn dossier_of(rel: &Path) -> io::Result<Option<(&OsStr, PathBuf)>> {
    let mut names = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => names.push(p),
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{} is not a plain path below the output folder", rel.display()),
                ));
            }
        }
    }
    match names.split_first() {
        None => Err(io::Error::new(io::ErrorKind::InvalidInput, "an empty path")),
        Some((_, [])) => Ok(None),
        Some((first, below)) => Ok(Some((*first, below.iter().collect()))),
    }
}

/// An output folder, locked for this run, with an interrupted run's changes
/// undone and its temporary files removed.
pub struct Folder {
    pub root: PathBuf,
    /// The root as a journal names it: absolute, links resolved.
    real: PathBuf,
    /// Held while the folder is in use (shared for a dry run, if a build
    /// ever made the folder).
    _lock: Option<File>,
    /// A dry run: nothing is made, staged or removed.
    look: bool,
    /// The folders this run made to hold the output (outermost first):
    /// removed again if the run leaves nothing in them.
    made: Vec<PathBuf>,
    /// Names this run's staged folders.
    run: String,
    /// Set when a commit stopped on purpose (a unit test's kill): what it
    /// left stays, for the next run to repair.
    abandoned: AtomicBool,
    /// The files the last build made here (relative to the root).
    pub previous: Vec<PathBuf>,
    /// Whether the previous list came from a manifest (rather than a guess
    /// from the document names, for a folder an older version wrote).
    pub manifest: bool,
    /// The folders of staged folders this run made already: a file staged
    /// into one does not ask the file system again (30,000 `mkdir`s that
    /// failed, and as many `stat`s, at 10,000 reports).
    staged_dirs: std::sync::Mutex<BTreeSet<PathBuf>>,
}

/// Locks the output folders `roots` (the public one first: its journal is
/// the one that counts), waiting for another build that holds one
/// (`waiting` is told which, once); undoes an interrupted commit, in these
/// folders and in any other its journal names; removes leftover temporary
/// files and folders; and reads what the last build made. For a dry run
/// (`look`), only waits for a build in progress and reads: nothing is made,
/// locked exclusively or removed.
pub fn open(roots: &[&Path], look: bool, waiting: &dyn Fn(&Path)) -> Result<Vec<Folder>, OutputError> {
    let run = run_id();
    let mut folders: Vec<Folder> = Vec::new();
    for root in roots {
        let (lock, made) = match look {
            true => (lock_existing(root, true, waiting)?, Vec::new()),
            false => {
                let (lock, made) = lock_made(root, waiting)?;
                (Some(lock), made)
            }
        };
        let real = fs::canonicalize(root).or_else(|_| std::path::absolute(root)).map_err(at(root))?;
        folders.push(Folder {
            root: root.to_path_buf(),
            real,
            _lock: lock,
            look,
            made,
            run: run.clone(),
            abandoned: AtomicBool::new(false),
            previous: Vec::new(),
            manifest: false,
            staged_dirs: Default::default(),
        });
    }
    if !look {
        recover(&folders)?;
        for f in &folders {
            remove_leftovers(&f.root);
        }
    }
    for f in &mut folders {
        (f.previous, f.manifest) = previous(&f.root);
    }
    Ok(folders)
}

/// A name for this run's staged folders: the process and the time.
fn run_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() % 1_000_000_000_000)
        .unwrap_or(0);
    format!("{:x}-{nanos:x}", std::process::id())
}

/// Makes `root` (if need be) and locks it, waiting for another build that
/// holds it; returns the lock and the folders made.
fn lock_made(root: &Path, waiting: &dyn Fn(&Path)) -> Result<(File, Vec<PathBuf>), OutputError> {
    let lock_path = root.join(LOCK);
    let mut made = Vec::new();
    let mut told = false;
    let mut vanished = 0;
    loop {
        // A failed first build can remove the folder (or a parent it made)
        // between our making sure of it and opening its lock: then it is
        // made again (a few times; a folder that keeps vanishing is an error).
        let opened = create_dirs(root).map_err(|e| (root.to_path_buf(), e)).and_then(|dirs| {
            made.extend(dirs);
            let open = File::options().create(true).truncate(false).write(true).open(&lock_path);
            open.map_err(|e| (lock_path.clone(), e))
        });
        let lock = match opened {
            Ok(lock) => lock,
            Err((_, e)) if e.kind() == io::ErrorKind::NotFound && vanished < LOCK_TRIES => {
                vanished += 1;
                continue;
            }
            Err((path, error)) => return Err(OutputError { path, error }),
        };
        take(&lock, &lock_path, false, &mut || {
            if !std::mem::replace(&mut told, true) {
                waiting(root);
            }
        })?;
        // A failed first build removes its folder, lock file and all, before
        // it lets go: a run that waited on that file takes the new one.
        if same_file(&lock, &lock_path) {
            return Ok((lock, made));
        }
    }
}

/// Locks `root`'s existing lock file (shared for a dry run, exclusive for
/// a repair), waiting; none when there is no such file.
fn lock_existing(root: &Path, shared: bool, waiting: &dyn Fn(&Path)) -> Result<Option<File>, OutputError> {
    let lock_path = root.join(LOCK);
    let mut told = false;
    loop {
        let lock = match shared {
            true => File::open(&lock_path),
            false => File::options().write(true).open(&lock_path),
        };
        let Ok(lock) = lock else { return Ok(None) };
        take(&lock, &lock_path, shared, &mut || {
            if !std::mem::replace(&mut told, true) {
                waiting(root);
            }
        })?;
        if same_file(&lock, &lock_path) {
            return Ok(Some(lock));
        }
    }
}

fn take(lock: &File, path: &Path, shared: bool, waiting: &mut dyn FnMut()) -> Result<(), OutputError> {
    let tried = match shared {
        true => lock.try_lock_shared(),
        false => lock.try_lock(),
    };
    match tried {
        Ok(()) => Ok(()),
        Err(fs::TryLockError::WouldBlock) => {
            waiting();
            match shared {
                true => lock.lock_shared(),
                false => lock.lock(),
            }
            .map_err(at(path))
        }
        Err(fs::TryLockError::Error(e)) => Err(OutputError { path: path.to_path_buf(), error: e }),
    }
}

/// Whether the open `file` is still the one at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => identity(&a) == identity(&b),
        _ => false,
    }
}

/// A file's identity on its file system.
fn identity(m: &fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (m.dev(), m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        (0, 0)
    }
}

/// The inode of `path` itself (a link not followed), if it is there.
fn inode(path: &Path) -> Option<u64> {
    fs::symlink_metadata(path).ok().map(|m| identity(&m).1)
}

impl Folder {
    /// Compares `bytes` with what the file `rel` (below this folder) holds
    /// and, unless this is a dry run or nothing changed, stages them: in
    /// the dossier's staged folder, or beside the target for a file at the
    /// root. Safe to call from many threads at once.
    pub fn stage(&self, rel: &Path, bytes: &[u8]) -> io::Result<Staged> {
        let path = self.root.join(rel);
        let change = match File::open(&path) {
            Ok(old) if holds(&old, bytes) => Change::Unchanged,
            Ok(_) => Change::Changed,
            Err(_) => Change::New,
        };
        let staged = |temp| Staged { path: path.clone(), change, rel: rel.to_path_buf(), temp };
        if self.look || change == Change::Unchanged {
            return Ok(staged(None));
        }
        let temp = match dossier_of(rel)? {
            Some((dossier, below)) => {
                let file = self.root.join(self.stage_name(dossier)).join(below);
                let dir = file.parent().unwrap_or(&self.root);
                let known = self.staged_dirs.lock().is_ok_and(|d| d.contains(dir));
                if !known {
                    fs::create_dir_all(dir)?;
                    if let Ok(mut d) = self.staged_dirs.lock() {
                        d.insert(dir.to_path_buf());
                    }
                }
                let mut out = File::options().write(true).create_new(true).open(&file)?;
                let temp = tempfile::TempPath::try_from_path(file)?;
                out.write_all(bytes)?;
                readable(&out)?;
                // Synced with the rest of the folder's file system, once,
                // before anything is put in place ([`sync_file_system`]):
                // one `fsync` per file cost a third of a 6,000-file build.
                temp
            }
            None => temp_beside(&self.root, bytes)?,
        };
        Ok(staged(Some(temp)))
    }

    /// The name of this run's staged folder for `dossier`.
    fn stage_name(&self, dossier: &OsStr) -> OsString {
        let mut name = OsString::from(format!("{TEMP_PREFIX}{}-", self.run));
        name.push(dossier);
        name
    }
}

impl Drop for Folder {
    /// Removes what this run staged and did not put in place, and the
    /// folders it made if it leaves nothing in them; then lets go of the lock.
    fn drop(&mut self) {
        if self.look || self.abandoned.load(Ordering::SeqCst) {
            return;
        }
        let mine = format!("{TEMP_PREFIX}{}-", self.run);
        if let Ok(entries) = fs::read_dir(&self.root) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(&mine) {
                    let _ = remove_any(&e.path());
                }
            }
        }
        if self.made.is_empty() {
            return;
        }
        let only_lock = fs::read_dir(&self.root)
            .map(|entries| entries.flatten().all(|e| e.file_name() == LOCK))
            .unwrap_or(false);
        if only_lock {
            // Still locked: a run waiting on this file sees it gone and makes its own.
            let _ = fs::remove_file(self.root.join(LOCK));
            for d in self.made.iter().rev() {
                let _ = fs::remove_dir(d);
            }
        }
    }
}

fn remove_any(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path)?.is_dir() {
        true => fs::remove_dir_all(path),
        false => fs::remove_file(path),
    }
}

/// The files the last build made in `root`: its manifest, or a guess.
fn previous(root: &Path) -> (Vec<PathBuf>, bool) {
    match fs::read_to_string(root.join(MANIFEST)) {
        Ok(text) => (text.lines().filter(|l| !l.is_empty()).map(PathBuf::from).collect(), true),
        Err(_) => (guess_previous(root), false),
    }
}

/// The documents an older version of the tool wrote here (it kept no
/// manifest): `<dossier>/{antwoord,bijlagen}.*` and everything in
/// `<dossier>/intern/`.
fn guess_previous(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(dossiers) = fs::read_dir(root) else { return out };
    for d in dossiers.flatten().filter(|d| d.file_type().is_ok_and(|t| t.is_dir())) {
        let name = PathBuf::from(d.file_name());
        for (sub, all) in [(PathBuf::new(), false), (PathBuf::from("intern"), true)] {
            let Ok(files) = fs::read_dir(d.path().join(&sub)) else { continue };
            for f in files.flatten().filter(|f| f.file_type().is_ok_and(|t| t.is_file())) {
                let file = f.file_name().to_string_lossy().into_owned();
                let ours = ["antwoord.", "bijlagen.", "aanbieding."].iter().any(|p| file.starts_with(p));
                if all || ours {
                    out.push(name.join(&sub).join(&file));
                }
            }
        }
    }
    out.sort();
    out
}

fn is_ours(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with(TEMP_PREFIX) || name.starts_with(OLD_PREFIX)
}

/// Removes every temporary and old-version file the tool left under
/// `root`, and the staged and old folders beside the dossier folders.
fn remove_leftovers(root: &Path) {
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            if is_ours(&e.file_name()) {
                let _ = match kind.is_dir() {
                    true => fs::remove_dir_all(e.path()),
                    false => fs::remove_file(e.path()),
                };
            } else if kind.is_dir() {
                dirs.push(e.path());
            }
        }
    }
}

/// One step of a commit, as the journal records it. Each is one system
/// call but a file step, and each can be taken back from what the disk
/// shows (the inode of each folder, recorded before the step).
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// The dossier folder exchanged with its staged folder (`old`, `new`:
    /// their inodes).
    Swap { dossier: OsString, stage: OsString, old: u64, new: u64 },
    /// A new dossier folder: its staged folder renamed into place.
    Create { dossier: OsString, stage: OsString, new: u64 },
    /// A dossier folder left empty: renamed aside, to be removed.
    Remove { dossier: OsString, stage: OsString, old: u64 },
    /// A file replaced, added or removed (below the root), and where its
    /// old version is kept (none for a new file).
    File { target: PathBuf, old: Option<PathBuf> },
}

fn old_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!("{OLD_PREFIX}{name}"))
}

/// Exchanges two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two NUL-terminated paths that outlive the call, relative to
    // the working directory; the system call reads them and nothing else.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    match r {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
thread_local! {
    /// A unit test's file system that cannot exchange folders.
    static NO_EXCHANGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A unit test's kill: the commit stops before this step.
    static STOP_BEFORE: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Whether folders in `root` can be exchanged in one step: two empty
/// folders are, once. Refused with `EINVAL` (the file system has no such
/// rename) or `ENOSYS` (the kernel has none): no.
fn can_exchange(folder: &Folder) -> Result<bool, OutputError> {
    #[cfg(test)]
    if NO_EXCHANGE.get() {
        return Ok(false);
    }
    let probe = |side: &str| folder.root.join(format!("{TEMP_PREFIX}{}-probe-{side}", folder.run));
    let (a, b) = (probe("a"), probe("b"));
    fs::create_dir(&a).map_err(at(&a))?;
    if let Err(e) = fs::create_dir(&b) {
        let _ = fs::remove_dir(&a);
        return Err(at(&b)(e));
    }
    let result = exchange(&a, &b);
    let _ = fs::remove_dir(&a);
    let _ = fs::remove_dir(&b);
    match result {
        Ok(()) => Ok(true),
        #[cfg(target_os = "linux")]
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => Ok(false),
        #[cfg(not(target_os = "linux"))]
        Err(_) => Ok(false),
        #[cfg(target_os = "linux")]
        Err(e) => Err(at(&folder.root)(e)),
    }
}

/// A journal: the run, the folder whose journal counts (the public one),
/// and every step of the commit in the order taken, with its folder.
#[derive(Debug, Default)]
struct Journal {
    run: String,
    primary: Option<PathBuf>,
    steps: Vec<(PathBuf, Step)>,
}

/// A path in a journal line: bytes that would break a line (and `%`) escaped.
fn enc(s: &OsStr) -> String {
    let mut out = String::new();
    for &b in s.as_encoded_bytes() {
        match b {
            b'%' | 0..0x20 | 0x7f.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out
}

fn dec(s: &str) -> OsString {
    let mut bytes = Vec::new();
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = tail.get(..2).and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                bytes.push(v);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        OsString::from_vec(bytes)
    }
    #[cfg(not(unix))]
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}

impl Journal {
    fn text(&self) -> String {
        let mut t = format!("{JOURNAL_HEADER}\nrun\t{}\n", self.run);
        if let Some(p) = &self.primary {
            t.push_str(&format!("primary\t{}\n", enc(p.as_os_str())));
        }
        for (root, step) in &self.steps {
            let root = enc(root.as_os_str());
            let line = match step {
                Step::Swap { dossier, stage, old, new } => {
                    format!("swap\t{root}\t{}\t{}\t{old}\t{new}", enc(dossier), enc(stage))
                }
                Step::Create { dossier, stage, new } => {
                    format!("create\t{root}\t{}\t{}\t{new}", enc(dossier), enc(stage))
                }
                Step::Remove { dossier, stage, old } => {
                    format!("remove\t{root}\t{}\t{}\t{old}", enc(dossier), enc(stage))
                }
                Step::File { target, old } => {
                    let old = old.as_ref().map_or("-".to_string(), |o| enc(o.as_os_str()));
                    format!("file\t{root}\t{}\t{old}", enc(target.as_os_str()))
                }
            };
            t.push_str(&line);
            t.push('\n');
        }
        t
    }

    /// Reads a journal found in `root`; an older version's (no header)
    /// lists `target<TAB>old` file steps in that folder.
    fn read(text: &str, root: &Path) -> Journal {
        let mut j = Journal::default();
        let mut lines = text.lines();
        if text.lines().next() != Some(JOURNAL_HEADER) {
            for (t, o) in lines.filter_map(|l| l.split_once('\t')) {
                let old = (o != "-").then(|| PathBuf::from(o));
                j.steps.push((root.to_path_buf(), Step::File { target: PathBuf::from(t), old }));
            }
            return j;
        }
        lines.next();
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            let num = |i: usize| f.get(i).and_then(|n| n.parse::<u64>().ok());
            let os = |i: usize| f.get(i).map(|s| dec(s));
            let root = || os(1).map(PathBuf::from);
            let step = match f[0] {
                "run" => {
                    j.run = f.get(1).unwrap_or(&"").to_string();
                    continue;
                }
                "primary" => {
                    j.primary = os(1).map(PathBuf::from);
                    continue;
                }
                "swap" => {
                    (|| Some(Step::Swap { dossier: os(2)?, stage: os(3)?, old: num(4)?, new: num(5)? }))()
                }
                "create" => (|| Some(Step::Create { dossier: os(2)?, stage: os(3)?, new: num(4)? }))(),
                "remove" => (|| Some(Step::Remove { dossier: os(2)?, stage: os(3)?, old: num(4)? }))(),
                "file" => (|| {
                    let old = os(3)?;
                    let old = (old != "-").then(|| PathBuf::from(old));
                    Some(Step::File { target: PathBuf::from(os(2)?), old })
                })(),
                _ => None,
            };
            if let (Some(root), Some(step)) = (root(), step) {
                j.steps.push((root, step));
            }
        }
        j
    }

    /// The folders the steps are in, in order of first step.
    fn roots(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        for (r, _) in &self.steps {
            if !out.contains(r) {
                out.push(r.clone());
            }
        }
        out
    }
}

/// Whether `a` and `b` are one folder.
fn same_dir(a: &Path, b: &Path) -> bool {
    a == b
        || match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => identity(&x) == identity(&y),
            _ => false,
        }
}

/// Undoes an interrupted commit: for the journal of each folder held,
/// every step taken is taken back, in every folder the journal names (a
/// folder this run does not hold is locked for as long as that takes),
/// then the journals go, the public folder's last.
fn recover(folders: &[Folder]) -> Result<(), OutputError> {
    for f in folders {
        let path = f.root.join(JOURNAL);
        let Ok(text) = fs::read_to_string(&path) else { continue };
        let journal = Journal::read(&text, &f.real);
        let primary = journal.primary.as_ref().is_none_or(|p| same_dir(p, &f.real));
        if primary {
            let mut borrowed: Vec<(PathBuf, File)> = Vec::new();
            let mut usable: Vec<PathBuf> = Vec::new();
            for root in journal.roots() {
                if folders.iter().any(|g| same_dir(&g.real, &root)) {
                    usable.push(root);
                } else if let Some(lock) = lock_existing(&root, false, &|_| {})? {
                    borrowed.push((root.clone(), lock));
                    usable.push(root);
                }
            }
            let steps: Vec<&(PathBuf, Step)> =
                journal.steps.iter().filter(|(r, _)| usable.contains(r)).collect();
            undo(steps.iter().rev().map(|(r, s)| (r.as_path(), s)));
            for root in usable.iter().filter(|r| !same_dir(r, &f.real)) {
                let other = root.join(JOURNAL);
                let same_run = fs::read_to_string(&other)
                    .is_ok_and(|t| Journal::read(&t, root).run == journal.run && !journal.run.is_empty());
                if same_run {
                    fs::remove_file(&other).map_err(at(&other))?;
                    sync_dir(root);
                }
            }
            fs::remove_file(&path).map_err(at(&path))?;
            sync_dir(&f.root);
            for (root, lock) in borrowed {
                remove_leftovers(&root);
                drop(lock);
            }
        } else {
            // The journal of another output folder counts. While it is there,
            // the commit did not finish: this folder's steps go back (that
            // folder's go back when it is next opened). Without it, the
            // commit finished or was undone already: nothing to take back.
            let counts = journal.primary.as_ref().map(|p| p.join(JOURNAL));
            let pending = counts
                .and_then(|p| fs::read_to_string(p).ok())
                .is_some_and(|t| Journal::read(&t, Path::new("")).run == journal.run);
            if pending {
                let own: Vec<&(PathBuf, Step)> =
                    journal.steps.iter().filter(|(r, _)| same_dir(r, &f.real)).collect();
                undo(own.iter().rev().map(|(r, s)| (r.as_path(), s)));
            }
            fs::remove_file(&path).map_err(at(&path))?;
            sync_dir(&f.root);
        }
    }
    Ok(())
}

/// Takes steps back, in the order given (the reverse of the commit's),
/// each only when the disk shows it taken; then syncs the folders.
fn undo<'a>(steps: impl Iterator<Item = (&'a Path, &'a Step)>) {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut new_files: Vec<(&Path, &Path)> = Vec::new();
    for (root, step) in steps {
        dirs.push(root.to_path_buf());
        match step {
            Step::Swap { dossier, stage, old, new } => {
                let (live, stage) = (root.join(dossier), root.join(stage));
                if inode(&live) == Some(*new) && inode(&stage) == Some(*old) {
                    let _ = exchange(&stage, &live);
                }
            }
            Step::Create { dossier, stage, new } => {
                let live = root.join(dossier);
                if inode(&live) == Some(*new) && inode(&root.join(stage)).is_none() {
                    let _ = fs::rename(&live, root.join(stage));
                }
            }
            Step::Remove { dossier, stage, old } => {
                let (live, stage) = (root.join(dossier), root.join(stage));
                if inode(&live).is_none() && inode(&stage) == Some(*old) {
                    let _ = fs::rename(&stage, &live);
                }
            }
            Step::File { target, old } => {
                let target_path = root.join(target);
                match old {
                    Some(old) if root.join(old).exists() => {
                        let _ = fs::rename(root.join(old), &target_path);
                    }
                    Some(_) => {} // not yet moved aside: the target is still the old file
                    None => {
                        let _ = fs::remove_file(&target_path);
                        new_files.push((root, target));
                    }
                }
                dirs.extend(target_path.parent().map(Path::to_path_buf));
            }
        }
    }
    // Folders made for new files, empty again.
    for (root, target) in new_files {
        prune(root, target.parent());
    }
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        sync_dir(&d);
    }
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// What one output folder gets from a run.
pub struct Commit<'a> {
    pub folder: &'a Folder,
    /// Staged files below the folder.
    pub staged: Vec<Staged>,
    /// Files (relative to the folder) the last build made and this one does not.
    pub removed: Vec<PathBuf>,
    /// The manifest after this run (relative paths).
    pub manifest: Vec<PathBuf>,
}

/// A step of this run, with what it needs to be taken.
struct Work<'a> {
    /// The order of the steps: dossier folders by name, each in the public
    /// folder and then the internal one; then the files at the roots, the
    /// manifests last.
    order: (u8, OsString, usize),
    folder: &'a Folder,
    step: Step,
    /// A file step's new bytes (none: the file is removed).
    temp: Option<tempfile::TempPath>,
    /// A file step that removes its file.
    removes: bool,
    /// A swap's or removal's old folder, deleted once the commit holds.
    garbage: Option<PathBuf>,
}

/// Puts every staged file in place and removes what is no longer made, in
/// every folder, or nothing at all: on a failure every folder is as it was.
/// The first commit's folder (the public one) holds the journal that counts.
pub fn commit(commits: Vec<Commit<'_>>) -> Result<(), OutputError> {
    let Some(first) = commits.first().map(|c| c.folder) else { return Ok(()) };
    if commits.iter().any(|c| c.folder.look) {
        return Ok(()); // a dry run puts nothing in place
    }
    let mut work: Vec<Work<'_>> = Vec::new();
    for (i, c) in commits.into_iter().enumerate() {
        plan_folder(i, c, &mut work)?;
    }
    if work.is_empty() {
        return Ok(());
    }
    work.sort_by(|a, b| a.order.cmp(&b.order));
    let mut involved: Vec<&Folder> = vec![first];
    for w in &work {
        if !involved.iter().any(|f| std::ptr::eq(*f, w.folder)) {
            involved.push(w.folder);
        }
    }
    // The staged files reach the disk before any step depends on them.
    for f in &involved {
        if let Err(e) = sync_file_system(&f.root) {
            return Err(at(&f.root)(e));
        }
    }
    let journal = Journal {
        run: first.run.clone(),
        primary: Some(first.real.clone()),
        steps: work.iter().map(|w| (w.folder.real.clone(), w.step.clone())).collect(),
    };
    // Every other folder's journal first: the public folder's, written
    // last and removed first, is the one that counts.
    let text = journal.text();
    for f in involved.iter().skip(1).chain(std::iter::once(&first)) {
        let path = f.root.join(JOURNAL);
        if let Err(e) = write_whole(&path, text.as_bytes(), false) {
            remove_journals(&involved);
            return Err(at(&path)(e));
        }
    }
    let kill_at: Option<usize> = std::env::var(KILL_BEFORE_STEP).ok().and_then(|n| n.parse().ok());
    for n in 0..=work.len() {
        if kill_at == Some(n) {
            kill_self();
        }
        #[cfg(test)]
        if STOP_BEFORE.get() == Some(n) {
            involved.iter().for_each(|f| f.abandoned.store(true, Ordering::SeqCst));
            let error = io::Error::new(io::ErrorKind::Interrupted, "stopped on purpose");
            return Err(OutputError { path: first.root.clone(), error });
        }
        let Some(w) = work.get_mut(n) else { break };
        if let Err(e) = take_step(w) {
            undo(journal.steps[..=n].iter().rev().map(|(r, s)| (r.as_path(), s)));
            remove_journals(&involved);
            return Err(e);
        }
    }
    let mut dirs: Vec<PathBuf> = involved.iter().map(|f| f.root.clone()).collect();
    for w in &work {
        if let Step::File { target, .. } = &w.step {
            dirs.extend(w.folder.root.join(target).parent().map(Path::to_path_buf));
        }
    }
    dirs.sort();
    dirs.dedup();
    dirs.iter().for_each(|d| sync_dir(d));
    // The commit point: the journal that counts goes. Were it to stay, the
    // next run would take the steps back: then they are taken back now.
    let counts = first.root.join(JOURNAL);
    if let Err(e) = fs::remove_file(&counts) {
        undo(journal.steps.iter().rev().map(|(r, s)| (r.as_path(), s)));
        remove_journals(&involved);
        return Err(at(&counts)(e));
    }
    remove_journals(&involved);
    // The old folders and files go, and folders left empty by removed files.
    for w in &work {
        let root = &w.folder.root;
        match &w.step {
            Step::Swap { .. } | Step::Remove { .. } => {
                if let Some(old) = &w.garbage {
                    let _ = fs::remove_dir_all(old);
                }
            }
            Step::Create { .. } => {}
            Step::File { target, old } => {
                if let Some(old) = old {
                    let _ = fs::remove_file(root.join(old));
                }
                if w.removes {
                    prune(root, target.parent());
                }
            }
        }
    }
    Ok(())
}

/// Removes the journals of `folders`, the first's (the one that counts) first.
fn remove_journals(folders: &[&Folder]) {
    for f in folders {
        let _ = fs::remove_file(f.root.join(JOURNAL));
        sync_dir(&f.root);
    }
}

/// Removes `dir` (below `root`) and its parents while they are empty.
fn prune(root: &Path, mut dir: Option<&Path>) {
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if fs::remove_dir(root.join(d)).is_err() {
            break; // not empty
        }
        dir = d.parent();
    }
}

#[cfg(unix)]
fn kill_self() {
    // SAFETY: sends a signal to this process; no memory is involved.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
    std::process::abort();
}

#[cfg(not(unix))]
fn kill_self() {
    std::process::abort();
}

/// Takes one step.
fn take_step(w: &mut Work<'_>) -> Result<(), OutputError> {
    let root = &w.folder.root;
    match &w.step {
        Step::Swap { dossier, stage, .. } => {
            let live = root.join(dossier);
            exchange(&root.join(stage), &live).map_err(at(&live))
        }
        Step::Create { dossier, stage, .. } => {
            let live = root.join(dossier);
            fs::rename(root.join(stage), &live).map_err(at(&live))
        }
        Step::Remove { dossier, stage, .. } => {
            let live = root.join(dossier);
            fs::rename(&live, root.join(stage)).map_err(at(&live))
        }
        Step::File { target, old } => {
            let target = root.join(target);
            if let Some(old) = old {
                keep_old(&target, &root.join(old)).map_err(at(&target))?;
            }
            match w.temp.take() {
                Some(temp) => {
                    if let Some(dir) = target.parent() {
                        create_dirs(dir).map_err(at(&target))?;
                    }
                    temp.persist(&target).map(|_| ()).map_err(|e| at(&target)(e.error))
                }
                None => fs::remove_file(&target).map_err(at(&target)),
            }
        }
    }
}

/// Keeps the old version of `target` at `old`: a hard link (no copy), or a
/// copy where the file system has no links.
fn keep_old(target: &Path, old: &Path) -> io::Result<()> {
    let _ = fs::remove_file(old);
    match fs::hard_link(target, old) {
        Ok(()) => Ok(()),
        Err(_) => fs::copy(target, old).map(|_| ()),
    }
}

/// What one dossier folder gets: its new and changed files (staged, by
/// their path below it) and the files it loses.
#[derive(Default)]
struct DossierWork {
    written: BTreeMap<PathBuf, tempfile::TempPath>,
    removed: BTreeSet<PathBuf>,
}

/// Turns one folder's commit into steps: a dossier folder's, whole (its
/// staged folder completed), or, where folders cannot be exchanged, its
/// files one by one; the files at the root (the manifest) one by one.
fn plan_folder<'a>(index: usize, c: Commit<'a>, work: &mut Vec<Work<'a>>) -> Result<(), OutputError> {
    let folder = c.folder;
    let root = &folder.root;
    let mut manifest = String::new();
    for m in &c.manifest {
        manifest.push_str(&m.to_string_lossy());
        manifest.push('\n');
    }
    let manifest_path = root.join(MANIFEST);
    let staged_manifest =
        folder.stage(Path::new(MANIFEST), manifest.as_bytes()).map_err(at(&manifest_path))?;
    let mut dossiers: BTreeMap<OsString, DossierWork> = BTreeMap::new();
    let mut loose: Vec<(PathBuf, Option<tempfile::TempPath>)> = Vec::new();
    for s in c.staged.into_iter().chain(std::iter::once(staged_manifest)) {
        let Some(temp) = s.temp else { continue };
        match dossier_of(&s.rel).map_err(at(&s.path))? {
            Some((d, below)) => {
                dossiers.entry(d.to_os_string()).or_default().written.insert(below, temp);
            }
            None => loose.push((s.rel, Some(temp))),
        }
    }
    for r in c.removed {
        match dossier_of(&r).map_err(at(&root.join(&r)))? {
            Some((d, below)) => {
                dossiers.entry(d.to_os_string()).or_default().removed.insert(below);
            }
            None => loose.push((r, None)),
        }
    }
    let whole = !dossiers.is_empty() && can_exchange(folder)?;
    for (dossier, d) in dossiers {
        let order = (0, dossier.clone(), index);
        if whole {
            work.extend(swap_step(folder, &dossier, d)?.map(|(step, garbage)| Work {
                order,
                folder,
                step,
                temp: None,
                removes: false,
                garbage,
            }));
            continue;
        }
        let live = root.join(&dossier);
        if fs::symlink_metadata(&live).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(at(&live)(link_refused(&live)));
        }
        for (below, temp) in d.written {
            let target = Path::new(&dossier).join(&below);
            let there = fs::symlink_metadata(root.join(&target)).is_ok_and(|m| !m.is_dir());
            let step = Step::File { old: there.then(|| old_path(&target)), target };
            work.push(Work {
                order: order.clone(),
                folder,
                step,
                temp: Some(temp),
                removes: false,
                garbage: None,
            });
        }
        for below in d.removed {
            let target = Path::new(&dossier).join(&below);
            if fs::symlink_metadata(root.join(&target)).is_ok_and(|m| !m.is_dir()) {
                let step = Step::File { old: Some(old_path(&target)), target };
                work.push(Work {
                    order: order.clone(),
                    folder,
                    step,
                    temp: None,
                    removes: true,
                    garbage: None,
                });
            }
        }
    }
    for (rel, temp) in loose {
        let there = fs::symlink_metadata(root.join(&rel)).is_ok_and(|m| !m.is_dir());
        if temp.is_none() && !there {
            continue; // removed already
        }
        let last = u8::from(rel == Path::new(MANIFEST));
        let order = (1 + last, rel.clone().into_os_string(), index);
        let step = Step::File { old: there.then(|| old_path(&rel)), target: rel };
        let removes = temp.is_none();
        work.push(Work { order, folder, step, temp, removes, garbage: None });
    }
    Ok(())
}

/// The step that puts a dossier's new folder in place: its staged folder
/// (holding the new and changed files) completed with everything else the
/// live folder holds but the files removed, synced; none when there is
/// nothing to do (only files to remove from a folder that is not there).
/// With the old folder's place after the step (deleted once the commit holds).
fn swap_step(
    folder: &Folder,
    dossier: &OsStr,
    d: DossierWork,
) -> Result<Option<(Step, Option<PathBuf>)>, OutputError> {
    let root = &folder.root;
    let live = root.join(dossier);
    let name = folder.stage_name(dossier);
    let stage = root.join(&name);
    fs::create_dir_all(&stage).map_err(at(&stage))?;
    // The staged files stay where they are: the folder they are in is put in place.
    let written: BTreeSet<PathBuf> = d
        .written
        .into_iter()
        .map(|(below, temp)| {
            let _ = temp.keep();
            below
        })
        .collect();
    let old = match fs::symlink_metadata(&live) {
        Ok(m) if m.file_type().is_symlink() => return Err(at(&live)(link_refused(&live))),
        Ok(m) if m.is_dir() => Some(identity(&m).1),
        Ok(_) => {
            let error = io::Error::new(io::ErrorKind::NotADirectory, crate::tr!("output-file-at-dossier"));
            return Err(at(&live)(error));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(at(&live)(e)),
    };
    if old.is_some() {
        complete(&live, &stage, &written, &d.removed)?;
        for r in &d.removed {
            prune(&stage, r.parent());
        }
    }
    let empty = fs::read_dir(&stage).map_err(at(&stage))?.next().is_none();
    let step = match (old, empty) {
        (None, true) => {
            let _ = fs::remove_dir(&stage);
            return Ok(None);
        }
        (Some(old), true) => {
            fs::remove_dir(&stage).map_err(at(&stage))?;
            Step::Remove { dossier: dossier.to_os_string(), stage: name, old }
        }
        (old, false) => {
            sync_tree(&stage).map_err(at(&stage))?;
            let new = inode(&stage).ok_or_else(|| at(&stage)(io::Error::from(io::ErrorKind::NotFound)))?;
            match old {
                Some(old) => Step::Swap { dossier: dossier.to_os_string(), stage: name, old, new },
                None => Step::Create { dossier: dossier.to_os_string(), stage: name, new },
            }
        }
    };
    let garbage = matches!(step, Step::Swap { .. } | Step::Remove { .. }).then_some(stage);
    Ok(Some((step, garbage)))
}

/// Completes the staged folder `stage` with what the live folder `live`
/// holds and this build does not replace or remove: each folder made again
/// (with its permissions), everything else hard-linked (the same file:
/// bytes, inode and mtime; a link is linked as a link, not followed).
fn complete(
    live: &Path,
    stage: &Path,
    written: &BTreeSet<PathBuf>,
    removed: &BTreeSet<PathBuf>,
) -> Result<(), OutputError> {
    same_permissions(live, stage).map_err(at(stage))?;
    let mut dirs = vec![PathBuf::new()];
    while let Some(rel) = dirs.pop() {
        let here = live.join(&rel);
        for e in fs::read_dir(&here).map_err(at(&here))? {
            let e = e.map_err(at(&here))?;
            if is_ours(&e.file_name()) {
                continue;
            }
            let p = rel.join(e.file_name());
            let (from, to) = (live.join(&p), stage.join(&p));
            let kind = e.file_type().map_err(at(&from))?;
            let there = fs::symlink_metadata(&to).ok();
            if kind.is_dir() {
                if written.contains(&p) {
                    let error =
                        io::Error::new(io::ErrorKind::IsADirectory, crate::tr!("output-folder-at-file"));
                    return Err(at(&from)(error));
                }
                match there {
                    None => fs::create_dir(&to).map_err(at(&to))?,
                    Some(m) if m.is_dir() => {}
                    Some(_) => {
                        let error = io::Error::new(
                            io::ErrorKind::NotADirectory,
                            crate::tr!("output-own-file-at-folder"),
                        );
                        return Err(at(&from)(error));
                    }
                }
                same_permissions(&from, &to).map_err(at(&to))?;
                dirs.push(p);
            } else if written.contains(&p) || removed.contains(&p) {
                continue;
            } else if there.is_some() {
                let error = io::Error::new(io::ErrorKind::NotADirectory, crate::tr!("output-file-at-folder"));
                return Err(at(&from)(error));
            } else {
                link_or_copy(&from, &to, kind).map_err(at(&from))?;
            }
        }
    }
    Ok(())
}

fn same_permissions(from: &Path, to: &Path) -> io::Result<()> {
    fs::set_permissions(to, fs::metadata(from)?.permissions())
}

/// A hard link of `from` at `to`; where the file system has none, a copy
/// with the same modification time (a link as a link).
fn link_or_copy(from: &Path, to: &Path, kind: fs::FileType) -> io::Result<()> {
    let Err(e) = fs::hard_link(from, to) else { return Ok(()) };
    if kind.is_file() {
        fs::copy(from, to)?;
        let modified = fs::metadata(from)?.modified()?;
        return File::options().write(true).open(to)?.set_modified(modified);
    }
    #[cfg(unix)]
    if kind.is_symlink() {
        return std::os::unix::fs::symlink(fs::read_link(from)?, to);
    }
    Err(e)
}

/// Syncs every folder below `dir` and `dir` itself (the files in it were
/// synced when written, or are old).
fn sync_tree(dir: &Path) -> io::Result<()> {
    let mut dirs = vec![dir.to_path_buf()];
    let mut all = Vec::new();
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(&d)?.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(e.path());
            }
        }
        all.push(d);
    }
    for d in all.iter().rev() {
        File::open(d)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// One build into `roots`: for each, every file it makes (path below
    /// the folder, text); what the last build made and this one does not
    /// is removed, as `build::plan` decides it.
    fn run(roots: &[&Path], builds: &[&[(&str, &str)]]) -> Result<Vec<Vec<Change>>, OutputError> {
        let folders = open(roots, false, &|_| {})?;
        let mut changes = Vec::new();
        let commits: Vec<Commit<'_>> = folders
            .iter()
            .zip(builds)
            .map(|(f, files)| {
                let staged: Vec<Staged> =
                    files.iter().map(|(p, t)| f.stage(Path::new(p), t.as_bytes()).unwrap()).collect();
                changes.push(staged.iter().map(|s| s.change).collect());
                let made: Vec<PathBuf> = files.iter().map(|(p, _)| PathBuf::from(p)).collect();
                let removed = f.previous.iter().filter(|p| !made.contains(p)).cloned().collect();
                Commit { folder: f, staged, removed, manifest: made }
            })
            .collect();
        commit(commits)?;
        Ok(changes)
    }

    /// Every file below `dir` but the lock, with its text.
    fn tree(dir: &Path) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut dirs = vec![dir.to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if e.file_name() != LOCK {
                    let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                    out.insert(rel, fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        out
    }

    /// The files of `tree` in dossier folder `d`.
    fn dossier(tree: &BTreeMap<String, String>, d: &str) -> BTreeMap<String, String> {
        tree.iter()
            .filter(|(k, _)| k.starts_with(&format!("{d}/")))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = tree(dir).into_keys().collect();
        for e in fs::read_dir(dir).unwrap().flatten() {
            all.push(e.file_name().to_string_lossy().into_owned());
        }
        all.into_iter()
            .filter(|n| n.contains(TEMP_PREFIX) || n.contains(OLD_PREFIX) || n.contains(JOURNAL))
            .collect()
    }

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(run(&[root], &[&[("a/b/antwoord.md", "eerste")]]).unwrap(), [[Change::New]]);
        assert_eq!(run(&[root], &[&[("a/b/antwoord.md", "tweede")]]).unwrap(), [[Change::Changed]]);
        let path = root.join("a/b/antwoord.md");
        assert_eq!(fs::read(&path).unwrap(), b"tweede");
        let names: Vec<String> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["antwoord.md"]);
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }

    #[test]
    fn unchanged_files_are_not_touched_and_dropped_stages_vanish() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let path = root.join("d/x.md");
        run(&[root], &[&[("d/x.md", "zelfde"), ("d/y.md", "een")]]).unwrap();
        let before = fs::metadata(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        // y changes, so the dossier folder is exchanged: x is the same file.
        let changes = run(&[root], &[&[("d/x.md", "zelfde"), ("d/y.md", "twee")]]).unwrap();
        assert_eq!(changes, [[Change::Unchanged, Change::Changed]]);
        let after = fs::metadata(&path).unwrap();
        assert_eq!(after.modified().unwrap(), before.modified().unwrap());
        assert_eq!(identity(&after), identity(&before), "a hard link, not a copy");
        let folders = open(&[root], false, &|_| {}).unwrap();
        let staged = folders[0].stage(Path::new("d/x.md"), b"anders").unwrap();
        let file = staged.temp.as_ref().map(|t| t.to_path_buf()).unwrap();
        assert!(file.exists());
        drop(staged);
        assert!(!file.exists(), "a dropped stage takes its file along");
        drop(folders);
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
        assert_eq!(fs::read(&path).unwrap(), b"zelfde");
        let look = open(&[root], true, &|_| {}).unwrap();
        let dry = look[0].stage(Path::new("d/x.md"), b"anders").unwrap();
        assert_eq!(dry.change, Change::Changed);
        assert!(leftovers(root).is_empty(), "a dry run writes nothing");
    }

    /// Runs that each make the folder and fail (their folder goes, lock and
    /// all, as they let go) never trip over one another's removal: every
    /// one gets its lock. (A run that found the folder there leaves it, so
    /// at most an empty folder with its lock file can stay.)
    #[test]
    fn runs_racing_a_failed_first_build_each_take_the_folder_again() {
        let dir = tempfile::tempdir().unwrap();
        // Two levels the runs make, so that a parent can go too.
        let root = dir.path().join("rapport").join("uit");
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..300 {
                        let folders = open(&[&root], false, &|_| {}).unwrap();
                        drop(folders);
                    }
                });
            }
        });
        let left: Vec<_> =
            fs::read_dir(&root).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
        assert!(left.iter().all(|n| n == LOCK), "{left:?}");
    }

    #[test]
    fn files_the_tool_did_not_make_stay_in_a_replaced_folder_and_an_empty_one_goes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        run(&[root], &[&[("d/a.md", "a"), ("d/sub/b.md", "b"), ("e/c.md", "c")]]).unwrap();
        fs::write(root.join("d/notitie.txt"), "van de gebruiker").unwrap();
        fs::create_dir(root.join("d/eigen")).unwrap();
        fs::write(root.join("d/eigen/x.txt"), "x").unwrap();
        run(&[root], &[&[("d/a.md", "a2")]]).unwrap();
        let t = tree(root);
        assert_eq!(t.get("d/notitie.txt").map(String::as_str), Some("van de gebruiker"));
        assert_eq!(t.get("d/eigen/x.txt").map(String::as_str), Some("x"));
        assert_eq!(t.get("d/a.md").map(String::as_str), Some("a2"));
        assert!(!root.join("d/sub").exists(), "a folder left empty by removed files goes");
        assert!(!root.join("e").exists(), "a dossier folder left empty goes");
        assert_eq!(t.get(MANIFEST).map(String::as_str), Some("d/a.md\n"));
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    }

    #[test]
    fn where_folders_cannot_be_exchanged_files_are_put_in_place_one_by_one() {
        NO_EXCHANGE.set(true);
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        run(&[root], &[&[("d/a.md", "a"), ("d/sub/b.md", "b"), ("e/c.md", "c")]]).unwrap();
        let inode_a = inode(&root.join("d"));
        run(&[root], &[&[("d/a.md", "a2"), ("f/n.md", "n")]]).unwrap();
        assert_eq!(inode(&root.join("d")), inode_a, "the same folder, its files replaced");
        let t = tree(root);
        let expected = [(MANIFEST, "d/a.md\nf/n.md\n"), ("d/a.md", "a2"), ("f/n.md", "n")];
        assert_eq!(t, expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
        NO_EXCHANGE.set(false);
    }

    /// A commit stopped before each of its steps in turn (as a kill would
    /// stop it), with and without folder exchange, in a public and an
    /// internal folder: each dossier folder is then wholly old or wholly
    /// new, and the next run into the public folder alone puts both folders
    /// back as they were.
    #[test]
    fn a_commit_stopped_before_any_step_is_undone_by_the_next_run() {
        let old_public: &[(&str, &str)] = &[("d/a.md", "oud a"), ("d/b.md", "oud b"), ("e/x.md", "oud x")];
        let old_internal: &[(&str, &str)] = &[("d/a.md", "intern oud a"), ("e/x.md", "intern oud x")];
        let new_public: &[(&str, &str)] =
            &[("d/a.md", "nieuw a"), ("d/c/c.md", "nieuw c"), ("e/x.md", "oud x"), ("g/y.md", "nieuw y")];
        let new_internal: &[(&str, &str)] = &[("d/a.md", "intern nieuw a")];
        for whole in [true, false] {
            NO_EXCHANGE.set(!whole);
            let dir = tempfile::tempdir().unwrap();
            let (public, internal) = (dir.path().join("out"), dir.path().join("out-intern"));
            let roots = [public.as_path(), internal.as_path()];
            run(&roots, &[old_public, old_internal]).unwrap();
            let old = [tree(&public), tree(&internal)];
            run(&roots, &[new_public, new_internal]).unwrap();
            let new = [tree(&public), tree(&internal)];
            let mut stops = 0;
            for n in 0.. {
                run(&roots, &[old_public, old_internal]).unwrap();
                STOP_BEFORE.set(Some(n));
                let stopped = run(&roots, &[new_public, new_internal]);
                STOP_BEFORE.set(None);
                if stopped.is_ok() {
                    break;
                }
                stops += 1;
                assert!(public.join(JOURNAL).exists(), "step {n}: the journal is left");
                for (i, root) in roots.iter().enumerate() {
                    let now = tree(root);
                    for d in ["d", "e", "g"] {
                        let is = dossier(&now, d);
                        let one = is == dossier(&old[i], d) || is == dossier(&new[i], d);
                        assert!(
                            one || !whole,
                            "step {n}: {}/{d} is neither old nor new: {is:?}",
                            root.display()
                        );
                    }
                }
                // The next run into the public folder only, as a plain build opens it.
                drop(open(&[public.as_path()], false, &|_| {}).unwrap());
                assert_eq!([tree(&public), tree(&internal)], old, "step {n}: both folders back");
                assert!(leftovers(&public).is_empty() && leftovers(&internal).is_empty(), "step {n}");
            }
            assert!(stops >= 4, "{stops} steps");
            assert_eq!([tree(&public), tree(&internal)], new);
            NO_EXCHANGE.set(false);
        }
    }

    #[test]
    fn a_failed_step_puts_every_folder_back() {
        let dir = tempfile::tempdir().unwrap();
        let (public, internal) = (dir.path().join("out"), dir.path().join("out-intern"));
        let roots = [public.as_path(), internal.as_path()];
        run(&roots, &[&[("d/a.md", "a"), ("e/b.md", "b")], &[("d/a.md", "ia")]]).unwrap();
        // The last step fails: a folder stands where the internal manifest goes.
        fs::remove_file(internal.join(MANIFEST)).unwrap();
        fs::create_dir_all(internal.join(MANIFEST).join("in-de-weg")).unwrap();
        let before = [tree(&public), tree(&internal)];
        let e = run(&roots, &[&[("d/a.md", "a2"), ("f/c.md", "c")], &[("d/a.md", "ia2")]]).unwrap_err();
        assert!(e.path.ends_with(Path::new("out-intern").join(MANIFEST)), "{e}");
        assert_eq!([tree(&public), tree(&internal)], before, "every dossier folder back");
        assert!(leftovers(&public).is_empty() && leftovers(&internal).is_empty());
    }

    #[test]
    fn journal_paths_survive_any_byte() {
        let name = OsString::from("a\tb\nc%d e-é");
        assert_eq!(dec(&enc(&name)), name);
        let j = Journal {
            run: "1-2".into(),
            primary: Some(PathBuf::from("/x/out put")),
            steps: vec![
                (
                    PathBuf::from("/x/out put"),
                    Step::Swap { dossier: name.clone(), stage: "s".into(), old: 1, new: 2 },
                ),
                (PathBuf::from("/y"), Step::File { target: "t\tt".into(), old: None }),
            ],
        };
        let back = Journal::read(&j.text(), Path::new("/elders"));
        assert_eq!((back.run, back.primary, back.steps), (j.run, j.primary, j.steps));
    }

    #[test]
    fn large_files_are_compared_to_the_last_byte() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let folders = open(&[root], false, &|_| {}).unwrap();
        let staged = folders[0].stage(Path::new("d/groot.pdf"), &big).unwrap();
        assert_eq!(staged.change, Change::New);
        let c = Commit { folder: &folders[0], staged: vec![staged], removed: vec![], manifest: vec![] };
        commit(vec![c]).unwrap();
        drop(folders);
        let look = open(&[root], true, &|_| {}).unwrap();
        let change = |bytes: &[u8]| look[0].stage(Path::new("d/groot.pdf"), bytes).unwrap().change;
        assert_eq!(change(&big), Change::Unchanged);
        big[299_999] ^= 1;
        assert_eq!(change(&big), Change::Changed);
        big[299_999] ^= 1;
        big[70_000] ^= 1;
        assert_eq!(change(&big), Change::Changed);
        assert_eq!(change(&big[..299_999]), Change::Changed);
    }
}
