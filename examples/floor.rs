//! The floor for heard's first frame: the least a ratatui program can do, one paragraph
//! drawn and a wait for a key. `examples/ttff.rs` times heard against it.

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    terminal.draw(|frame| {
        frame.render_widget(
            Paragraph::new("The floor: one paragraph. Press a key to leave."),
            frame.area(),
        )
    })?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            break;
        }
    }
    ratatui::restore();
    Ok(())
}
