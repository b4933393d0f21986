//! The README's first screen promises two commands; this keeps them true.
//! (The README's Rust example is compiled as a doctest of the library.)

#[test]
fn readme_lists_the_run_and_test_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let first_screen: String = readme.lines().take(30).collect::<Vec<_>>().join("\n");
    assert!(
        first_screen.contains("cargo run --release -- solve fixtures/kfa-18.csv"),
        "{first_screen}"
    );
    assert!(first_screen.contains("cargo test --release"), "{first_screen}");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.contains("cargo test --release"), "{ci}");
}

/// The README's three commands from a list of AGS keys to a map run as shown.
#[test]
fn readme_planner_workflow_runs() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let section = readme
        .split("## From a spreadsheet of AGS keys to a map")
        .nth(1)
        .expect("the section is there");
    let block = section
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let commands: Vec<Vec<String>> = block
        .lines()
        .map(|l| {
            l.split('#')
                .next()
                .unwrap()
                .split_whitespace()
                .map(String::from)
                .collect()
        })
        .collect();
    assert_eq!(commands.len(), 3, "{block}");
    let dir = tempfile::tempdir().unwrap();
    for words in &commands {
        assert_eq!(words[0], "lineup", "{words:?}");
        let args: Vec<String> = words[1..]
            .iter()
            .map(|w| match w.strip_prefix("fixtures/") {
                Some(f) => format!("{root}/fixtures/{f}"),
                None => w.clone(),
            })
            .collect();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_lineup"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{words:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let svg = std::fs::read_to_string(dir.path().join("lineup.svg")).unwrap();
    assert_eq!(svg.matches(r#"class="member""#).count(), 18);
}

/// The README's German table is what `--lang de` prints (up to the time).
#[test]
fn the_readmes_german_table_is_current() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let file = crate::util::fixture("kfa-18-de.csv");
    let o = crate::util::lineup(&["solve", file.to_str().unwrap(), "--lang", "de"]);
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let table = crate::util::stdout(&o);
    for line in table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("Zeit"))
        .take(4)
    {
        assert!(readme.contains(line), "README lacks: {line}");
    }
    for line in table.lines().filter(|l| {
        ["Status", "Ergebnis", "Zielwert", "Schranke", "Lücke"]
            .iter()
            .any(|p| l.starts_with(p))
    }) {
        assert!(readme.contains(line), "README lacks: {line}");
    }
}
