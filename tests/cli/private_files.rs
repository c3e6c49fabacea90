//! Private config: under umask 000 the config folder, the decks folder, config.toml and a
//! new deck are created only for their owner, and a data folder or lock left looser is
//! made private again.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// heard through `sh`, under umask 000, so nothing but heard's own modes keeps a file
/// from being world-writable.
fn under_umask_000(root: &Path, args: &str) {
    let heard = env!("CARGO_BIN_EXE_heard");
    let data = root.join("data");
    let config = root.join("config");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000; exec {heard} --data-dir '{}' --config-dir '{}' {args}",
            data.display(),
            config.display()
        ))
        .current_dir(root)
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .output()
        .expect("run heard");
    assert!(
        out.status.success(),
        "{args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn config_and_decks_are_created_private_under_any_umask() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    under_umask_000(root, "config init");
    assert_eq!(mode(&root.join("config")), 0o700, "config folder");
    assert_eq!(mode(&root.join("config/config.toml")), 0o600, "config.toml");
    under_umask_000(root, "decks new config/decks/ours.toml");
    assert_eq!(mode(&root.join("config/decks")), 0o700, "decks folder");
    assert_eq!(
        mode(&root.join("config/decks/ours.toml")),
        0o600,
        "a new deck"
    );
}

#[test]
fn a_data_folder_or_lock_made_looser_is_made_private_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(data.join("journal.lock"), "").unwrap();
    std::fs::set_permissions(
        data.join("journal.lock"),
        std::fs::Permissions::from_mode(0o666),
    )
    .unwrap();
    let other = root.join("other.json");
    std::fs::write(
        &other,
        r#"{"format": "heard-journal", "version": 1, "sessions": []}"#,
    )
    .unwrap();
    under_umask_000(root, &format!("journal merge '{}'", other.display()));
    assert_eq!(mode(&data), 0o700, "data folder");
    assert_eq!(mode(&data.join("journal.lock")), 0o600, "lock");
}
