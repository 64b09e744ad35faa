"""English is recognised by its function words; nothing else is guessed."""

from __future__ import annotations

from memcon.transcript.language import is_english


def test_english_prose_is_english() -> None:
    assert is_english("The Ambassador asked the Chairman whether the Chinese side had studied the "
                      "Soviet draft of the agreement, and the Chairman replied that it had been "
                      "studied in detail by the ministry.")


def test_other_languages_and_short_texts_are_not() -> None:
    assert not is_english("Посол спросил Председателя, изучила ли китайская сторона советский "
                          "проект соглашения о Чанчуньской железной дороге и что она думает.")
    assert not is_english("L'ambassadeur a demandé au président si la partie chinoise avait "
                          "étudié le projet soviétique de l'accord sur le chemin de fer.")
    assert not is_english("Stalin: Yes. Soong: No.")
