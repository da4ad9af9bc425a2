//! The output directory under attack (issue 22): a hand-edited ownership record, two writers
//! at once, a writer killed at any point or stopped by a full disk, Secret values in a diff,
//! the longest valid names, and CRLF checkouts.
//!
//! Some tests run this test binary again as a child process (the `child_writer` test, which
//! does nothing unless [`CHILD_ENV`] is set) so that a writer can be killed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod output_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use k8s_dsl::output::{
    assert_up_to_date, BuildEnv, BuildScript, Directory, Format, OutputError, OWNED_FILE,
};
use k8s_dsl::prelude::*;
use output_support::{app, names, scratch, snapshot};

/// Set in a child process: `DIR|VARIANT|OBJECTS|CRASH_STEP|ROUNDS` (empty crash step: none).
const CHILD_ENV: &str = "K8S_DSL_TEST_CHILD_WRITER";

/// `objects` ConfigMaps; the variant moves the window of names (so a switch adds and removes
/// files) and changes every value (so every kept file is rewritten).
fn big(variant: u32, objects: u32) -> Bundle {
    let start = variant * objects / 2;
    (start..start + objects).fold(Bundle::new(), |bundle, i| {
        bundle.add(
            ConfigMap::new(format!("settings-{i}"))
                .namespace("shop")
                .data("variant", variant.to_string())
                .data("text", format!("{variant}-{i}-").repeat(40)),
        )
    })
}

/// What a fresh directory holds after writing `bundle`.
fn reference(name: &str, bundle: &Bundle) -> BTreeMap<String, Vec<u8>> {
    let dir = scratch(name);
    Directory::new(&dir).write(bundle).unwrap();
    snapshot(&dir)
}

/// Lets the next run finish or roll back what a killed one left, as every write and check
/// does first: a check of either bundle passes afterwards.
fn settle(dir: &Path, bundles: &[&Bundle]) {
    let _ = Directory::new(dir).check(bundles[0]);
}

/// The names listed in the ownership record (plain lines, as every version writes them).
fn recorded(dir: &Path) -> BTreeSet<String> {
    fs::read_to_string(dir.join(OWNED_FILE))
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Asserts that `dir` is exactly one of `expected` and holds no file outside its record.
#[track_caller]
fn assert_one_of(dir: &Path, expected: &[&BTreeMap<String, Vec<u8>>], when: &str) {
    let actual = snapshot(dir);
    if !expected.iter().any(|bundle| **bundle == actual) {
        let differing: Vec<&String> = actual
            .keys()
            .filter(|name| expected.iter().all(|b| b.get(*name) != actual.get(*name)))
            .collect();
        panic!(
            "{when}: the directory is neither bundle; files matching none: {differing:?}; all: {:?}",
            actual.keys().collect::<Vec<_>>()
        );
    }
    let record = recorded(dir);
    for name in actual.keys() {
        assert!(
            name == OWNED_FILE || record.contains(name),
            "{when}: `{name}` is not in the record"
        );
    }
}

/// Runs `child_writer` in a new process of this test binary.
fn spawn_writer(dir: &Path, variant: u32, objects: u32, crash: Option<u32>, rounds: u32) -> Child {
    let crash = crash.map(|n| n.to_string()).unwrap_or_default();
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
        .env(
            CHILD_ENV,
            format!("{}|{variant}|{objects}|{crash}|{rounds}", dir.display()),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The writer of the tests below when run as a child process; a no-op otherwise.
#[test]
fn child_writer() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split('|').collect();
    let dir = PathBuf::from(parts[0]);
    let variant: u32 = parts[1].parse().unwrap();
    let objects: u32 = parts[2].parse().unwrap();
    let rounds: u32 = parts[4].parse().unwrap();
    let mut directory = Directory::new(&dir).lock_timeout(Duration::from_secs(60));
    if let Ok(step) = parts[3].parse::<u32>() {
        directory = directory.__exit_at_step(step);
    }
    for round in 0..rounds {
        // Two writers alternate between their bundles, so every write changes something.
        let bundle = big(variant + (round % 2) * 2, objects);
        if let Err(error) = directory.write(&bundle) {
            panic!("writer {variant}, round {round}: {error}");
        }
    }
}

// 1. The ownership record is not a licence to delete.

#[test]
fn a_hand_listed_or_edited_file_is_kept_with_a_warning_naming_it() {
    let dir = scratch("attack-record-hand-listed");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    fs::write(dir.join("README.md"), "hand-written\n").unwrap();
    // A bad merge lists the README in the record, and the Service file was edited by hand.
    let mut record = fs::read_to_string(dir.join(OWNED_FILE)).unwrap();
    record.push_str("README.md\n");
    fs::write(dir.join(OWNED_FILE), record).unwrap();
    let service = dir.join("service_shop_web.yaml");
    let mut edited = fs::read_to_string(&service).unwrap();
    edited.push_str("# keep: tuned by hand\n");
    fs::write(&service, &edited).unwrap();

    // Neither the Service nor the README is generated any more.
    let smaller = Bundle::new().add(
        ConfigMap::new("web-config")
            .namespace("shop")
            .data("mode", "production"),
    );
    let written = Directory::new(&dir).write(&smaller).unwrap();
    assert_eq!(
        fs::read_to_string(dir.join("README.md")).unwrap(),
        "hand-written\n"
    );
    assert_eq!(fs::read_to_string(&service).unwrap(), edited);
    // The Deployment's file is still what was generated: it is removed.
    assert!(!dir.join("deployment_shop_web.yaml").exists());
    assert_eq!(written.removed, [dir.join("deployment_shop_web.yaml")]);
    assert_eq!(written.kept, [dir.join("README.md"), service.clone()]);
    let warnings: Vec<String> = written.warnings.iter().map(|w| w.to_string()).collect();
    for path in [dir.join("README.md"), service] {
        let warning = warnings
            .iter()
            .find(|w| w.contains(&path.display().to_string()))
            .unwrap_or_else(|| panic!("no warning names {}: {warnings:?}", path.display()));
        assert!(warning.contains("kept"), "{warning}");
        assert!(warning.contains("delete it"), "{warning}");
    }
    // The kept files are no longer recorded: the next run says nothing more about them.
    assert_eq!(
        recorded(&dir),
        BTreeSet::from([
            "configmap_shop_web-config.yaml".into(),
            "kustomization.yaml".into()
        ])
    );
    let again = Directory::new(&dir).write(&smaller).unwrap();
    assert!(again.warnings.is_empty() && again.kept.is_empty());
    Directory::new(&dir).check(&smaller).unwrap();
}

#[test]
fn a_directory_in_the_record_is_skipped_with_a_warning() {
    let dir = scratch("attack-record-directory");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    fs::create_dir(dir.join("overlays")).unwrap();
    fs::write(dir.join("overlays").join("patch.yaml"), "kind: Patch\n").unwrap();
    let mut record = fs::read_to_string(dir.join(OWNED_FILE)).unwrap();
    record.push_str("overlays\n");
    fs::write(dir.join(OWNED_FILE), record).unwrap();

    let written = Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert!(dir.join("overlays").join("patch.yaml").exists());
    assert_eq!(written.kept, [dir.join("overlays")]);
    assert_eq!(written.warnings.len(), 1, "{:?}", written.warnings);
    let warning = written.warnings[0].to_string();
    assert!(
        warning.contains("overlays") && warning.contains("directory"),
        "{warning}"
    );
    // And the writes after it go through without a word.
    assert!(Directory::new(&dir)
        .write(&app(3, "production"))
        .unwrap()
        .warnings
        .is_empty());
}

#[test]
fn a_record_of_the_old_format_is_read_and_migrated() {
    let dir = scratch("attack-record-old-format");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    // The record as earlier versions wrote it: names only.
    let old = "# Files written by k8s-dsl, which replaces and removes only the files listed here.\n\
# Generated: do not edit.\nconfigmap_shop_web-config.yaml\ndeployment_shop_web.yaml\nkustomization.yaml\nservice_shop_web.yaml\n";
    fs::write(dir.join(OWNED_FILE), old).unwrap();
    // Up to date as it stands: an old record is no drift.
    Directory::new(&dir).check(&app(2, "production")).unwrap();

    // The next write records a hash for every file...
    let written = Directory::new(&dir).write(&app(3, "production")).unwrap();
    assert!(written.warnings.is_empty(), "{:?}", written.warnings);
    let record = fs::read_to_string(dir.join(OWNED_FILE)).unwrap();
    assert_eq!(record.matches("# sha256 ").count(), 4, "{record}");
    // ...so that a file dropped later is removed as before.
    let smaller = Bundle::new().add(
        ConfigMap::new("web-config")
            .namespace("shop")
            .data("mode", "production"),
    );
    let written = Directory::new(&dir).write(&smaller).unwrap();
    assert_eq!(written.removed.len(), 2, "{written:?}");
    assert_eq!(
        names(&dir),
        [
            OWNED_FILE,
            "configmap_shop_web-config.yaml",
            "kustomization.yaml"
        ]
    );
}

// 2. One writer at a time.

#[test]
fn two_writers_in_one_process_take_turns() {
    let dir = scratch("attack-two-threads");
    let (a, b) = (big(0, 30), big(1, 30));
    let expected = [
        reference("attack-two-threads-a", &a),
        reference("attack-two-threads-b", &b),
    ];
    std::thread::scope(|scope| {
        for bundle in [&a, &b] {
            let dir = &dir;
            scope.spawn(move || {
                for round in 0..15 {
                    Directory::new(dir)
                        .write(bundle)
                        .unwrap_or_else(|e| panic!("round {round}: {e}"));
                }
            });
        }
    });
    assert_one_of(&dir, &[&expected[0], &expected[1]], "after both writers");
}

#[test]
fn a_writer_waits_a_bounded_time_for_the_lock_then_fails_clearly() {
    use fs4::FileExt;
    let dir = scratch("attack-lock-held");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    let before = snapshot(&dir);
    let holder = fs::File::open(&dir).unwrap();
    FileExt::lock(&holder).unwrap();
    let error = Directory::new(&dir)
        .lock_timeout(Duration::from_millis(100))
        .write(&app(3, "production"))
        .unwrap_err();
    let OutputError::Locked { path, .. } = &error else {
        panic!("expected the lock error, got {error}");
    };
    assert_eq!(*path, dir);
    let message = error.to_string();
    assert!(message.contains("another"), "{message}");
    assert!(message.contains(&dir.display().to_string()), "{message}");
    assert_eq!(snapshot(&dir), before);
    FileExt::unlock(&holder).unwrap();
    Directory::new(&dir).write(&app(3, "production")).unwrap();
}

#[test]
fn temporary_files_of_a_writer_that_is_gone_are_removed() {
    let dir = scratch("attack-leftover");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    fs::write(dir.join(".999999-0.k8s-dsl-tmp"), "left by a killed run\n").unwrap();
    let written = Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert_eq!(written.removed, [dir.join(".999999-0.k8s-dsl-tmp")]);
}

// 3. Old or new, never a mix.

#[test]
fn a_writer_killed_at_any_step_leaves_the_old_or_the_new_bundle() {
    let dir = scratch("attack-killed");
    let (old, new) = (big(0, 12), big(1, 12));
    let old_files = reference("attack-killed-old", &old);
    let new_files = reference("attack-killed-new", &new);
    let mut step = 0;
    let mut seen_old = false;
    let mut seen_new = false;
    loop {
        let _ = fs::remove_dir_all(&dir);
        Directory::new(&dir).write(&old).unwrap();
        let status = spawn_writer(&dir, 1, 12, Some(step), 1).wait().unwrap();
        settle(&dir, &[&old, &new]);
        assert_one_of(
            &dir,
            &[&old_files, &new_files],
            &format!("killed at step {step}"),
        );
        if status.success() {
            assert_eq!(snapshot(&dir), new_files);
            break;
        }
        if snapshot(&dir) == old_files {
            seen_old = true;
        } else {
            seen_new = true;
        }
        step += 1;
        assert!(step < 500, "the writer never finished");
    }
    // Killed before the switch, the old bundle stays; after it, the next run completes it.
    eprintln!("killed at each of {step} steps: old and new bundle both seen");
    assert!(seen_old && seen_new, "steps: {step}");
    assert!(step > 20, "only {step} steps");
}

#[test]
fn a_writer_killed_at_random_times_leaves_the_old_or_the_new_bundle() {
    let dir = scratch("attack-killed-timed");
    let (old, new) = (big(0, 150), big(1, 150));
    let old_files = reference("attack-killed-timed-old", &old);
    let new_files = reference("attack-killed-timed-new", &new);
    for round in 0..12u64 {
        let _ = fs::remove_dir_all(&dir);
        Directory::new(&dir).write(&old).unwrap();
        let mut child = spawn_writer(&dir, 1, 150, None, 1);
        std::thread::sleep(Duration::from_millis(5 + round * 7));
        let _ = child.kill();
        child.wait().unwrap();
        settle(&dir, &[&old, &new]);
        assert_one_of(&dir, &[&old_files, &new_files], &format!("round {round}"));
    }
}

/// A small tmpfs, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(path: PathBuf, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(&path).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(Tmpfs(path))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_old_or_the_new_bundle() {
    let (old, new) = (big(0, 40), big(1, 40));
    let old_files = reference("attack-full-old", &old);
    let new_files = reference("attack-full-new", &new);
    let root = scratch("attack-full-disk");
    let Some(disk) = Tmpfs::mount(root.join("disk"), "512k") else {
        // Not root, or no tmpfs: a failure injected after a number of bytes stands for it.
        eprintln!("cannot mount a tmpfs here; injecting write failures instead");
        let dir = root.join("manifests");
        for bytes in (0..200_000).step_by(9_000) {
            let _ = fs::remove_dir_all(&dir);
            Directory::new(&dir).write(&old).unwrap();
            let _ = Directory::new(&dir)
                .__interrupt_after_bytes(bytes)
                .write(&new);
            settle(&dir, &[&old, &new]);
            assert_one_of(&dir, &[&old_files, &new_files], &format!("{bytes} bytes"));
        }
        return;
    };
    let dir = disk.0.join("manifests");
    let filler = disk.0.join("filler");
    let mut failures = 0;
    for fill in (0..=512 * 1024).rev().step_by(16 * 1024) {
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::remove_file(&filler);
        Directory::new(&dir).write(&old).unwrap();
        // Fill the disk but for what is left, then write the new bundle.
        let mut left = fill;
        while left > 0 && fs::write(&filler, vec![b'x'; left]).is_err() {
            left -= 4096.min(left);
        }
        let result = Directory::new(&dir).write(&new);
        let _ = fs::remove_file(&filler);
        match &result {
            Ok(_) => {}
            Err(OutputError::Io { source, .. }) => {
                assert_eq!(source.raw_os_error(), Some(28), "not ENOSPC: {source}");
                failures += 1;
            }
            Err(other) => panic!("{other}"),
        }
        settle(&dir, &[&old, &new]);
        assert_one_of(&dir, &[&old_files, &new_files], &format!("fill {fill}"));
        if fill == 0 {
            assert!(result.is_ok(), "an empty disk is too small");
            assert_eq!(snapshot(&dir), new_files);
        }
    }
    eprintln!("the disk was full in {failures} of 33 writes");
    assert!(failures > 3, "the disk was full only {failures} times");
    drop(disk);
}

/// Two writers, each switching between two bundles, and a killer that stops one of them
/// after a varying delay; after every round the directory is one of the bundles.
#[test]
fn two_writers_and_a_killer() {
    let dir = scratch("attack-stress");
    let objects = 60;
    let bundles: Vec<Bundle> = (0..4).map(|variant| big(variant, objects)).collect();
    let expected: Vec<BTreeMap<String, Vec<u8>>> = bundles
        .iter()
        .enumerate()
        .map(|(i, bundle)| reference(&format!("attack-stress-{i}"), bundle))
        .collect();
    let expected: Vec<&BTreeMap<String, Vec<u8>>> = expected.iter().collect();
    Directory::new(&dir).write(&bundles[0]).unwrap();
    let started = std::time::Instant::now();
    let mut round = 0u64;
    let mut killed = 0;
    while round < 12 && started.elapsed() < Duration::from_secs(8) {
        let mut first = spawn_writer(&dir, 0, objects, None, 4);
        let mut second = spawn_writer(&dir, 1, objects, None, 4);
        std::thread::sleep(Duration::from_millis(10 + (round * 37) % 120));
        let victim = if round % 2 == 0 {
            &mut first
        } else {
            &mut second
        };
        let _ = victim.kill();
        // One was killed (if it had not finished); the other finishes.
        let statuses = [first.wait().unwrap(), second.wait().unwrap()];
        killed += statuses.iter().filter(|s| s.code().is_none()).count();
        let survivor = if round % 2 == 0 {
            &mut second
        } else {
            &mut first
        };
        let mut stderr = String::new();
        if let Some(mut pipe) = survivor.stderr.take() {
            use std::io::Read;
            pipe.read_to_string(&mut stderr).unwrap();
        }
        assert!(!stderr.contains("panicked"), "round {round}: {stderr}");
        let refs: Vec<&Bundle> = bundles.iter().collect();
        settle(&dir, &refs);
        assert_one_of(&dir, &expected, &format!("round {round}"));
        round += 1;
    }
    eprintln!("{round} rounds, a writer killed mid-way in {killed}");
    assert!(round >= 3, "only {round} rounds");
    assert!(killed > 0, "no writer was killed before it finished");
}

// 4. No secret in a diff.

/// Values that must never be printed.
const OLD_VALUE: &str = "old-hunter2-Zq9-never-print-me";
const NEW_VALUE: &str = "new-hunter3-Xw7-never-print-me";

#[track_caller]
fn assert_hidden(what: &str, text: &str) {
    for value in [OLD_VALUE, NEW_VALUE] {
        assert!(!text.contains(value), "{what} shows a secret value: {text}");
        let base64 =
            serde_json::to_string(&k8s_openapi::ByteString(value.as_bytes().to_vec())).unwrap();
        let base64 = base64.trim_matches('"');
        // Any long part of the base64 form (it is split at no fixed place in a diff).
        assert!(
            !text.contains(&base64[4..28]),
            "{what} shows a secret value in base64: {text}"
        );
    }
}

fn secret_bundle(value: &str) -> Bundle {
    Bundle::new()
        .add(ConfigMap::new("web").data("mode", &value[..3]))
        .add(
            Secret::new("db")
                .data("token", value.as_bytes().to_vec())
                .string_data("password", value)
                .string_data("certificate", format!("line one\n{value}\nline three\n")),
        )
}

#[test]
fn no_drift_message_shows_a_secret_value() {
    for (format, single) in [
        (Format::Yaml, None),
        (Format::Json, None),
        (Format::Yaml, Some("all.yaml")),
        (Format::Json, Some("all.json")),
    ] {
        let dir = scratch(&format!("attack-secret-{format}-{}", single.is_some()));
        let directory = |path: &Path| {
            let directory = Directory::new(path).format(format);
            match single {
                Some(name) => directory.single_file(name),
                None => directory,
            }
        };
        directory(&dir).write(&secret_bundle(OLD_VALUE)).unwrap();
        let what = format!("{format} {single:?}");
        let error = directory(&dir)
            .check(&secret_bundle(NEW_VALUE))
            .unwrap_err();
        let OutputError::Drift(drift) = &error else {
            panic!("{what}: expected drift, got {error}");
        };
        assert_hidden(&what, &error.to_string());
        assert_hidden(&what, &format!("{error:?} {error:#?}"));
        assert_hidden(&what, &drift.diff());
        // The keys that changed are named, with a digest that changed.
        let diff = drift.diff();
        for key in ["password", "token", "certificate"] {
            let lines: Vec<&str> = diff
                .lines()
                .filter(|line| line.contains(key) && line.contains("sha256"))
                .collect();
            assert!(
                lines.iter().any(|l| l.starts_with('-'))
                    && lines.iter().any(|l| l.starts_with('+')),
                "{what}: `{key}` not shown as changed:\n{diff}"
            );
        }
        // The ConfigMap's values are shown as they are (but in a JSON `List` holding a
        // Secret, where every `data` is hidden).
        assert!(
            single == Some("all.json")
                || diff
                    .lines()
                    .any(|l| l.starts_with('-') && l.contains("mode") && l.contains("old")),
            "{what}:\n{diff}"
        );
        // The panic of `assert_up_to_date`.
        let panic = std::panic::catch_unwind(|| {
            assert_up_to_date(directory(&dir), &secret_bundle(NEW_VALUE));
        })
        .unwrap_err();
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(message.contains("out of date"), "{message}");
        assert_hidden(&what, &message);
        // A Secret removed (extra) or added (missing) shows no value either.
        let without = Bundle::new().add(ConfigMap::new("web").data("mode", "x"));
        let error = directory(&dir).check(&without).unwrap_err();
        assert_hidden(&what, &format!("{error} {error:?}"));
        let empty = scratch(&format!(
            "attack-secret-empty-{format}-{}",
            single.is_some()
        ));
        let error = directory(&empty)
            .check(&secret_bundle(NEW_VALUE))
            .unwrap_err();
        assert_hidden(&what, &format!("{error} {error:?}"));
    }
}

#[test]
fn build_script_check_mode_shows_no_secret_value() {
    let root = scratch("attack-secret-build");
    let manifest_dir = root.join("crate");
    fs::create_dir_all(&manifest_dir).unwrap();
    let env = |check| BuildEnv {
        out_dir: root.join("out"),
        manifest_dir: manifest_dir.clone(),
        check,
    };
    let script = BuildScript::new().repo_dir("k8s");
    script
        .generate(&secret_bundle(OLD_VALUE), &env(false), &mut Vec::new())
        .unwrap();
    let mut instructions = Vec::new();
    let error = script
        .generate(&secret_bundle(NEW_VALUE), &env(true), &mut instructions)
        .unwrap_err();
    assert!(matches!(error, OutputError::Drift(_)), "{error}");
    assert_hidden("BuildScript", &format!("{error} {error:?}"));
    assert_hidden("BuildScript", &String::from_utf8(instructions).unwrap());
}

#[test]
fn object_debug_hides_the_values_of_a_custom_secret() {
    let object = Object::Custom(k8s_dsl::custom::CustomObject {
        api_version: "v1".to_owned(),
        kind: "Secret".to_owned(),
        metadata: Default::default(),
        fields: [(
            "stringData".to_owned(),
            serde_json::json!({ "password": OLD_VALUE }),
        )]
        .into_iter()
        .collect(),
    });
    assert_hidden("custom Secret Debug", &format!("{object:?} {object:#?}"));
}

// 5. Long valid names.

#[test]
fn the_longest_valid_names_make_files_within_the_limit() {
    let dir = scratch("attack-long-names");
    let label = |c: char| std::iter::repeat_n(c, 63).collect::<String>();
    // 253 characters: three labels of 63 and one of 61 joined by dots.
    let tail = |c: char| std::iter::repeat_n(c, 60).collect::<String>();
    let longest = format!(
        "{}.{}.{}.{}x",
        label('a'),
        label('b'),
        label('c'),
        tail('d')
    );
    assert_eq!(longest.len(), 253);
    let namespace = label('n');
    let similar = format!(
        "{}.{}.{}.{}y",
        label('a'),
        label('b'),
        label('c'),
        tail('d')
    );
    let bundle = Bundle::new()
        .add(
            ConfigMap::new(&longest)
                .namespace(&namespace)
                .data("k", "v"),
        )
        .add(
            ConfigMap::new(&similar)
                .namespace(&namespace)
                .data("k", "v"),
        )
        .add(ConfigMap::new(&longest).data("k", "v"))
        .add(
            Secret::new(&longest)
                .namespace(&namespace)
                .string_data_from_env("k", "HOME"),
        );
    let written = Directory::new(&dir).write(&bundle).unwrap();
    assert_eq!(written.written.len(), 6);
    for name in names(&dir) {
        assert!(name.len() <= 255, "`{name}` is {} bytes", name.len());
    }
    assert_eq!(names(&dir).len(), 6);
    Directory::new(&dir).check(&bundle).unwrap();
    // The same names every time, and a name that fits is not shortened.
    let again = scratch("attack-long-names-again");
    Directory::new(&again).write(&bundle).unwrap();
    assert_eq!(names(&again), names(&dir));
    let short = k8s_dsl::bundle::ObjectId {
        kind: "ConfigMap".into(),
        namespace: Some(namespace.clone()),
        name: label('a'),
    };
    assert_eq!(
        k8s_dsl::output::file_name(&short, Format::Yaml),
        format!("configmap_{namespace}_{}.yaml", label('a'))
    );
    // Removing them works too.
    Directory::new(&dir).write(&Bundle::new()).unwrap();
    assert_eq!(names(&dir), [OWNED_FILE, "kustomization.yaml"]);
}

// 6. Line endings.

#[test]
fn crlf_line_endings_are_named_as_the_only_difference() {
    let dir = scratch("attack-crlf");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    for name in names(&dir) {
        let path = dir.join(&name);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    }
    let error = Directory::new(&dir)
        .check(&app(2, "production"))
        .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("only line endings differ"), "{message}");
    assert!(message.contains("* text eol=lf"), "{message}");
    assert!(message.contains(".gitattributes"), "{message}");
    // No diff of lines that look the same.
    assert!(!message.contains("\n-apiVersion"), "{message}");
    // Compared as equal when asked to.
    Directory::new(&dir)
        .ignore_line_endings(true)
        .check(&app(2, "production"))
        .unwrap();
    // A real change is still one.
    let error = Directory::new(&dir)
        .ignore_line_endings(true)
        .check(&app(3, "production"))
        .unwrap_err();
    assert!(error.to_string().contains("+  replicas: 3"), "{error}");
    // Without the option: the real change as a diff of lines, and a note on the CRLF.
    let message = Directory::new(&dir)
        .check(&app(3, "production"))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("-  replicas: 2\n+  replicas: 3\n"),
        "{message}"
    );
    assert!(
        message.contains("besides, the file has CRLF line endings"),
        "{message}"
    );
}
