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
