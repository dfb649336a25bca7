import { Button, Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

interface SearchBarProps {
  initial?: string;
  placeholder?: string;
  onSearch: (query: string) => void;
}

/** A large search field with an explicit 搜索 button, since not everyone finds the keyboard's key. */
export function SearchBar({ initial = '', placeholder = '如：挂号、住院', onSearch }: SearchBarProps) {
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);

  return (
    <View className="search-bar">
      <Input
        className="search-bar__input"
        data-testid="search-input"
        id="search-input"
        value={value}
        placeholder={placeholder}
        placeholderClass="search-bar__placeholder"
        confirmType="search"
        maxlength={30}
        onInput={(event) => setValue(event.detail.value)}
        onConfirm={() => onSearch(value.trim())}
      />
      <Button
        className="btn btn--primary search-bar__button"
        data-testid="search-submit"
        onClick={() => onSearch(value.trim())}
      >
        搜索
      </Button>
    </View>
  );
}
