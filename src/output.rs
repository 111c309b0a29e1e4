//! Stage 5, **output**: all or nothing, and only what changed, in an output
//! folder the tool owns.
//!
//! - Each file is compared with the one already there: identical bytes are
//!   left alone (the file keeps its mtime). Otherwise the new bytes are
//!   *staged* in a temporary file beside it (`.beantwoord-tmp-…`).
//! - [`commit`] puts every staged file in place only after every file of the
//!   run was made: it first writes a journal of what it will do and keeps the
//!   old version of each file it replaces or removes (a hard link,
//!   `.beantwoord-old-…`); a failure at any point puts every old file back
//!   and says which path failed and why. The folders are synced after the
//!   renames. A run that is killed leaves the journal: the next run puts the
//!   old build back before it starts ([`Folder::open`]), and removes every
//!   temporary file the tool left.
//! - A lock (`.beantwoord.lock`) keeps two builds out of one folder: the
//!   second waits for the first.
//! - A manifest (`.beantwoord-manifest`) lists the files the last build
//!   made, so that a file this build no longer makes (a removed dossier,
//!   annexes switched off) is removed, and listed as removed.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const LOCK: &str = ".beantwoord.lock";
const JOURNAL: &str = ".beantwoord-journal";
const MANIFEST: &str = ".beantwoord-manifest";
/// Every temporary file the tool makes starts so.
pub const TEMP_PREFIX: &str = ".beantwoord-tmp-";
const OLD_PREFIX: &str = ".beantwoord-old-";

/// What a run does to one output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    New,
    Changed,
    Unchanged,
    Removed,
}

impl Change {
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
    pub path: PathBuf,
    pub change: Change,
    temp: Option<tempfile::TempPath>,
    /// Folders made to hold it, outermost first (removed again when empty
    /// after a failed run).
    created: Vec<PathBuf>,
}

/// Why the output could not be put in place: the path, and the reason.
#[derive(Debug)]
pub struct OutputError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
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
            Ok(m) if m.file_type().is_symlink() => {
                return Err(io::Error::other(format!(
                    "{} is a symbolic link; links inside an output folder are never followed (remove it, and the build makes the folder itself)",
                    at.display()
                )));
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// Compares `bytes` with what `path` holds and, unless `dry_run` or nothing
/// changed, stages them in a temporary file beside it. The folder is opened
/// first ([`Folder::open`] removes leftover temporary files).
pub fn stage(path: &Path, bytes: &[u8], dry_run: bool) -> io::Result<Staged> {
    let change = match File::open(path) {
        Ok(old) if holds(&old, bytes) => Change::Unchanged,
        Ok(_) => Change::Changed,
        Err(_) => Change::New,
    };
    if dry_run || change == Change::Unchanged {
        return Ok(Staged { path: path.to_path_buf(), change, temp: None, created: Vec::new() });
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let created = create_dirs(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private (0600); a document is as readable as any file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    Ok(Staged { path: path.to_path_buf(), change, temp: Some(tmp.into_temp_path()), created })
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
        let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
        tmp.write_all(bytes)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644))?;
        }
        tmp.as_file().sync_all()?;
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

/// Makes `dir` and its missing parents; returns those it made, outermost first.
fn create_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing.push(p.to_path_buf());
        d = p.parent();
    }
    missing.reverse();
    for p in &missing {
        match fs::create_dir(p) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(missing)
}

/// Drops staged files of a run that failed, and the folders made for them
/// that are empty again.
pub fn discard(staged: Vec<Staged>) {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for s in staged {
        dirs.extend(s.created);
        drop(s.temp);
    }
    dirs.sort();
    dirs.dedup();
    for d in dirs.iter().rev() {
        let _ = fs::remove_dir(d); // only succeeds when empty
    }
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

/// An output folder, locked for this run, with an interrupted run's changes
/// undone and its temporary files removed.
pub struct Folder {
    pub root: PathBuf,
    /// Held while the folder is in use; none for a dry run.
    _lock: Option<File>,
    /// The files the last build made here (relative to the root).
    pub previous: Vec<PathBuf>,
    /// Whether the previous list came from a manifest (rather than a guess
    /// from the document names, for a folder an older version wrote).
    pub manifest: bool,
}

impl Folder {
    /// Locks `root` (waiting for another build that holds it), undoes an
    /// interrupted commit, removes leftover temporary files and reads what
    /// the last build made. For a dry run (`look`), only reads: nothing is
    /// made, locked or removed.
    pub fn open(root: &Path, look: bool, waiting: impl FnOnce()) -> Result<Folder, OutputError> {
        if look {
            let (previous, manifest) = previous(root);
            return Ok(Folder { root: root.to_path_buf(), _lock: None, previous, manifest });
        }
        fs::create_dir_all(root).map_err(at(root))?;
        let lock_path = root.join(LOCK);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(at(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                waiting();
                lock.lock().map_err(at(&lock_path))?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(OutputError { path: lock_path, error: e }),
        }
        let journal = root.join(JOURNAL);
        if journal.exists() {
            let entries = read_journal(&journal).map_err(at(&journal))?;
            roll_back(root, &entries);
            fs::remove_file(&journal).map_err(at(&journal))?;
            sync_dir(root);
        }
        remove_leftovers(root);
        let (previous, manifest) = previous(root);
        Ok(Folder { root: root.to_path_buf(), _lock: Some(lock), previous, manifest })
    }
}

/// What the last build made in `root`: its manifest, or a guess.
/// The files the last build made in `root`, as its manifest lists them
/// (or as an older version's names suggest), read without locking.
pub fn previous_files(root: &Path) -> Vec<PathBuf> {
    previous(root).0
}

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

/// Removes every temporary and old-version file the tool left under `root`.
fn remove_leftovers(root: &Path) {
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                dirs.push(e.path());
            } else if name.starts_with(TEMP_PREFIX) || name.starts_with(OLD_PREFIX) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// One step of a commit, as the journal records it: a file replaced, added
/// or removed, and where its old version is kept (none for a new file).
#[derive(Debug, Clone)]
struct Entry {
    target: PathBuf,
    old: Option<PathBuf>,
}

fn old_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!("{OLD_PREFIX}{name}"))
}

fn write_journal(root: &Path, entries: &[Entry]) -> io::Result<()> {
    let mut text = String::new();
    for e in entries {
        let old = e.old.as_ref().map_or(String::from("-"), |o| o.to_string_lossy().into_owned());
        text.push_str(&format!("{}\t{}\n", e.target.to_string_lossy(), old));
    }
    write_whole(&root.join(JOURNAL), text.as_bytes(), false)
}

fn read_journal(path: &Path) -> io::Result<Vec<Entry>> {
    let text = fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(t, o)| Entry { target: PathBuf::from(t), old: (o != "-").then(|| PathBuf::from(o)) })
        .collect())
}

/// Puts every old version back and removes every file that had none.
fn roll_back(root: &Path, entries: &[Entry]) {
    for e in entries.iter().rev() {
        let target = root.join(&e.target);
        match &e.old {
            Some(old) if root.join(old).exists() => {
                let _ = fs::rename(root.join(old), &target);
            }
            Some(_) => {} // not yet moved aside: the target is still the old file
            None => {
                let _ = fs::remove_file(&target);
            }
        }
    }
    let mut dirs: Vec<&Path> = entries.iter().filter_map(|e| e.target.parent()).collect();
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        sync_dir(&root.join(d));
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

/// Puts every staged file in place and removes what is no longer made, in
/// every folder, or nothing at all: on a failure every folder is as it was.
pub fn commit<'a>(commits: Vec<Commit<'a>>) -> Result<(), OutputError> {
    let mut done: Vec<(&'a Folder, Vec<Entry>)> = Vec::new();
    for c in commits {
        let folder = c.folder;
        match commit_one(c) {
            Ok(entries) => done.push((folder, entries)),
            Err((e, entries)) => {
                roll_back(&folder.root, &entries);
                let _ = fs::remove_file(folder.root.join(JOURNAL));
                for (folder, entries) in &done {
                    roll_back(&folder.root, entries);
                    let _ = fs::remove_file(folder.root.join(JOURNAL));
                }
                return Err(e);
            }
        }
    }
    // Every folder is in place: the journals and old versions can go, and
    // folders left empty by removed files.
    for (folder, entries) in &done {
        let _ = fs::remove_file(folder.root.join(JOURNAL));
        for e in entries {
            if let Some(old) = &e.old {
                let _ = fs::remove_file(folder.root.join(old));
            }
        }
        for e in entries {
            let mut dir = e.target.parent();
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                if fs::remove_dir(folder.root.join(d)).is_err() {
                    break; // not empty
                }
                dir = d.parent();
            }
        }
        sync_dir(&folder.root);
    }
    Ok(())
}

/// Commits one folder; on failure returns the error and the steps taken.
fn commit_one(c: Commit) -> Result<Vec<Entry>, (OutputError, Vec<Entry>)> {
    let root = &c.folder.root;
    let rel = |p: &Path| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| p.to_path_buf());
    // The manifest is put in place as one more file.
    let mut manifest = String::new();
    for m in &c.manifest {
        manifest.push_str(&m.to_string_lossy());
        manifest.push('\n');
    }
    let manifest_path = root.join(MANIFEST);
    let staged_manifest =
        stage(&manifest_path, manifest.as_bytes(), false).map_err(|e| (at(&manifest_path)(e), Vec::new()))?;
    // The plan: every file replaced, added or removed.
    let mut plan: Vec<(Entry, Option<tempfile::TempPath>)> = Vec::new();
    for s in c.staged.into_iter().chain(std::iter::once(staged_manifest)) {
        let Some(temp) = s.temp else { continue };
        let target = rel(&s.path);
        let old = (s.change == Change::Changed).then(|| old_path(&target));
        plan.push((Entry { target, old }, Some(temp)));
    }
    for r in c.removed {
        let old = Some(old_path(&r));
        plan.push((Entry { target: r, old }, None));
    }
    if plan.is_empty() {
        return Ok(Vec::new());
    }
    let journal: Vec<Entry> = plan.iter().map(|(e, _)| e.clone()).collect();
    write_journal(root, &journal).map_err(|e| (at(&root.join(JOURNAL))(e), Vec::new()))?;
    let mut taken: Vec<Entry> = Vec::new();
    for (entry, temp) in plan {
        let target = root.join(&entry.target);
        if let Some(old) = &entry.old
            && let Err(e) = keep_old(&target, &root.join(old))
        {
            return Err((at(&target)(e), taken));
        }
        taken.push(entry.clone());
        let result = match temp {
            Some(temp) => temp.persist(&target).map_err(|e| e.error),
            None => fs::remove_file(&target),
        };
        if let Err(e) = result {
            return Err((at(&target)(e), taken));
        }
    }
    let mut dirs: Vec<PathBuf> =
        taken.iter().filter_map(|e| e.target.parent().map(|d| root.join(d))).collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        sync_dir(d);
    }
    Ok(taken)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Stages and commits one file, as a build does.
    fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<Change> {
        // The folder is opened (locked, cleaned) before anything is staged in it.
        let root = path.parent().unwrap();
        let folder = Folder::open(root, false, || {}).map_err(|e| e.error)?;
        let staged = stage(path, bytes, false)?;
        let change = staged.change;
        let name = PathBuf::from(path.file_name().unwrap());
        commit(vec![Commit {
            folder: &folder,
            staged: vec![staged],
            removed: Vec::new(),
            manifest: vec![name],
        }])
        .map_err(|e| e.error)?;
        Ok(change)
    }

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/antwoord.md");
        assert_eq!(write_atomic(&path, b"eerste").unwrap(), Change::New);
        assert_eq!(write_atomic(&path, b"tweede").unwrap(), Change::Changed);
        assert_eq!(fs::read(&path).unwrap(), b"tweede");
        let names: Vec<String> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != LOCK && n != MANIFEST)
            .collect();
        assert_eq!(names, ["antwoord.md"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }

    #[test]
    fn unchanged_files_are_not_touched_and_dropped_stages_vanish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"zelfde").unwrap();
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(write_atomic(&path, b"zelfde").unwrap(), Change::Unchanged);
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
        let count = || fs::read_dir(dir.path()).unwrap().count();
        let base = count();
        let staged = stage(&path, b"anders", false).unwrap();
        assert_eq!(count(), base + 1);
        drop(staged);
        assert_eq!(count(), base);
        assert_eq!(fs::read(&path).unwrap(), b"zelfde");
        let dry = stage(&path, b"anders", true).unwrap();
        assert_eq!(dry.change, Change::Changed);
        assert_eq!(count(), base);
    }

    #[test]
    fn a_commit_killed_half_way_is_undone_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (a, b, c) = (root.join("d/a.md"), root.join("d/b.md"), root.join("d/c.md"));
        for (p, t) in [(&a, "oud a"), (&b, "oud b")] {
            write_atomic(p, t.as_bytes()).unwrap();
        }
        // What commit_one does, stopped after two of its three steps: a
        // replaced, b's old version kept but not yet replaced, c (new) not yet there.
        {
            let folder = Folder::open(root, false, || {}).unwrap();
            let staged: Vec<Staged> = [(&a, "nieuw a"), (&b, "nieuw b"), (&c, "nieuw c")]
                .iter()
                .map(|(p, t)| stage(p, t.as_bytes(), false).unwrap())
                .collect();
            let entries = vec![
                Entry { target: "d/a.md".into(), old: Some(old_path(Path::new("d/a.md"))) },
                Entry { target: "d/b.md".into(), old: Some(old_path(Path::new("d/b.md"))) },
                Entry { target: "d/c.md".into(), old: None },
            ];
            write_journal(root, &entries).unwrap();
            keep_old(&a, &root.join(entries[0].old.as_ref().unwrap())).unwrap();
            let mut staged = staged.into_iter();
            staged.next().unwrap().temp.unwrap().persist(&a).unwrap();
            keep_old(&b, &root.join(entries[1].old.as_ref().unwrap())).unwrap();
            // Killed here: the other temporaries stay behind.
            staged.for_each(|s| {
                s.temp.unwrap().keep().unwrap();
            });
            drop(folder);
        }
        assert_eq!(fs::read(&a).unwrap(), b"nieuw a");
        let folder = Folder::open(root, false, || {}).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"oud a", "the replaced file is put back");
        assert_eq!(fs::read(&b).unwrap(), b"oud b");
        assert!(!c.exists());
        assert!(!root.join(JOURNAL).exists());
        let left: Vec<String> = fs::read_dir(root.join("d"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TEMP_PREFIX) || n.starts_with(OLD_PREFIX))
            .collect();
        assert!(left.is_empty(), "no temporary or old version left: {left:?}");
        drop(folder);
    }

    #[test]
    fn large_files_are_compared_to_the_last_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("groot.pdf");
        let mut big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(write_atomic(&path, &big).unwrap(), Change::New);
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Unchanged);
        big[299_999] ^= 1;
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Changed);
        big[299_999] ^= 1;
        big[70_000] ^= 1;
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Changed);
        assert_eq!(stage(&path, &big[..299_999], true).unwrap().change, Change::Changed);
    }
}
