package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void controlFormatAndSeparatorCharactersAreEscaped() {
        assertEquals("a\\nb\\rc\\td\\\\e\\u001B[31mf\\u202Eg\\u2028h\\u0085i.txt",
                FileNames.forLog("a\nb\rc\td\\e\u001B[31mf\u202Eg\u2028h\u0085i.txt"));
    }

    @Test
    void surrogatesAreEscapedOnlyWhenAlone() {
        assertEquals("emoji\uD83C\uDF89 \\uD83C lone \\uDF89.txt", FileNames.forLog("emoji\uD83C\uDF89 \uD83C lone \uDF89.txt"));
    }

    @Test
    void anOrdinaryNameIsReturnedAsItIs() {
        String name = "001_ef047f98b842d2d5 Türkiye – café.txt";
        assertSame(name, FileNames.forLog(name));
    }
}
